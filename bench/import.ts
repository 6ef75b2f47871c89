// Import of a generated nested JSONL file against a plain COPY of the same response rows (same run),
// plus Prisma createMany on a sample of the rows for comparison.
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { closeDatabase, type Database } from "@/lib/db/client";
import { generateGroups } from "@/lib/demo";
import { importFile } from "@/lib/imports/import-file";
import { benchDatabase, log, seconds } from "./bench-db";
import { trackPeakRss } from "./peak-rss";

const LANGS = ["en", "de", "zh", "ar", "hi", "sw", "fr", "ru"];
const K = 8;
const tsv = (s: string) => s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

async function writeFiles(dir: string, responses: number) {
  const jsonl = createWriteStream(join(dir, "bench.jsonl"));
  const rows = createWriteStream(join(dir, "rows.tsv"));
  const groups = Math.ceil(responses / (K * LANGS.length));
  let n = 0;
  for (const g of generateGroups({ seed: 3, groups, languages: LANGS, samples: K })) {
    if (!jsonl.write(`${JSON.stringify(g)}\n`)) await once(jsonl, "drain");
    let chunk = "";
    for (const [lang, list] of Object.entries(g.responses)) {
      list.forEach((r, i) => {
        chunk += `${g.id}\t${lang}\t${i}\t${tsv(r.text)}\n`;
        n++;
      });
    }
    if (!rows.write(chunk)) await once(rows, "drain");
  }
  jsonl.end();
  rows.end();
  await Promise.all([once(jsonl, "finish"), once(rows, "finish")]);
  return { jsonl: join(dir, "bench.jsonl"), tsv: join(dir, "rows.tsv"), responses: n };
}

async function copyFloor(db: Database, tsvPath: string): Promise<number> {
  const client = await db.pool.connect();
  try {
    await client.query("DROP TABLE IF EXISTS bench_copy_floor");
    await client.query("CREATE TABLE bench_copy_floor (external_id text, language text, sample_index int, text text)");
    const t0 = Date.now();
    await pipeline(createReadStream(tsvPath), client.query(copyFrom("COPY bench_copy_floor FROM STDIN")));
    return Date.now() - t0;
  } finally {
    await client.query("DROP TABLE IF EXISTS bench_copy_floor");
    client.release();
  }
}

async function createManyRate(db: Database, sample: number): Promise<number> {
  const d = await db.prisma.dataset.create({ data: { slug: `bench-createmany-${Date.now()}`, name: "createMany" } });
  const g = await db.prisma.promptGroup.create({ data: { datasetId: d.id, externalId: "g" } });
  const rows = Array.from({ length: sample }, (_, i) => ({
    datasetId: d.id, groupId: g.id, language: "en", sampleIndex: i, text: `response number ${i} `.repeat(20),
    contentHash: new Uint8Array(Buffer.from(String(i).padStart(32, "0"))), charLength: 400,
  }));
  const t0 = Date.now();
  for (let i = 0; i < rows.length; i += 5_000) await db.prisma.response.createMany({ data: rows.slice(i, i + 5_000) });
  const ms = Date.now() - t0;
  await db.prisma.dataset.delete({ where: { id: d.id } });
  return sample / (ms / 1000);
}

export async function run({ size }: { size?: number }) {
  const responses = size ?? 1_000_000;
  const db = await benchDatabase();
  const dir = mkdtempSync(join(tmpdir(), "cm-bench-import-"));
  try {
    const files = await writeFiles(dir, responses);
    const mb = statSync(files.jsonl).size / 2 ** 20;
    log(`generated ${files.responses} responses: ${mb.toFixed(0)} MB of nested JSONL`);
    const floorMs = await copyFloor(db, files.tsv);
    log(`floor: plain COPY of the same rows ${seconds(floorMs)} s (${Math.round(files.responses / (floorMs / 1000))} rows/s)`);
    const rss = trackPeakRss();
    const t0 = Date.now();
    const summary = await importFile(db, { source: { path: files.jsonl }, datasetSlug: `bench-import-${Date.now()}`, create: { task: "general" } });
    const ms = Date.now() - t0;
    const peak = rss.stop();
    log(`import: ${seconds(ms)} s, ${summary.responsesAdded} responses, ${(mb / (ms / 1000)).toFixed(1)} MB/s, peak RSS ${peak} MB`);
    const cm = await createManyRate(db, Math.min(50_000, files.responses));
    log(`Prisma createMany: ${Math.round(cm)} rows/s`);
    await closeDatabase();
    return {
      size: files.responses,
      slowdown: Number((ms / floorMs).toFixed(2)),
      responses_per_s: Math.round(files.responses / (ms / 1000)),
      mb_per_s: Number((mb / (ms / 1000)).toFixed(1)),
      copy_rows_per_s: Math.round(files.responses / (floorMs / 1000)),
      create_many_rows_per_s: Math.round(cm),
      peak_rss_mb: peak,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
