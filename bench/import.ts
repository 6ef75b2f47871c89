// Import of a generated nested JSONL file, against two floors measured in the same run on the same
// rows: a plain COPY of the responses into a bare 4-column table (no indexes, no keys), and a plain COPY
// of the finished rows (groups, prompts, responses with hash, length and detected language) into the
// real tables with their indexes, keys and triggers: what a loader with nothing to parse, validate or
// derive would pay. Then Prisma createMany on a sample of the same responses.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { closeDatabase, type Database } from "@/lib/db/client";
import { generateGroups } from "@/lib/demo";
import { codePointLength } from "@/lib/import/loader/derive";
import type { ImportStats, ImportSummary } from "@/lib/import/loader/import-file";
import { backendCpu, benchDatabase, log, processCpu, seconds } from "./bench-db";
import { measureParts, removePart, type CopyTime, type Part } from "./import-parts";

const LANGS = ["en", "de", "zh", "ar", "hi", "sw", "fr", "ru"];
const K = 8;
const CREATE_MANY_SAMPLE = 50_000;
const tsv = (s: string) => s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
type SampleRow = { ord: number; lang: string; index: number; text: string; hash: Buffer; length: number; model: string | null };

type ChildResult = {
  summary: ImportSummary;
  stats: ImportStats;
  ms: number;
  peakRssMb: number;
  processCpuS: number;
  /** The main thread's share of processCpuS (parsing, validation, hashing, COPY rows), null without /proc. */
  mainThreadCpuS: number | null;
  postgresCpuS: number | null;
};

/** The V8 heap flags `npm run cli` starts with (package.json), so the child's RSS is the CLI's. */
function cliHeapFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: { cli: string } };
  return pkg.scripts.cli.match(/--max-[\w-]+=\d+/g) ?? [];
}

/** Runs the import in a child process (bench/import-run.ts) so peak RSS is the import's own. */
async function importInChild(path: string, slug: string, workers: number): Promise<ChildResult> {
  const child = spawn(
    process.execPath,
    [...cliHeapFlags(), ...process.execArgv, fileURLToPath(new URL("./import-run.ts", import.meta.url)), path, slug, String(workers)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`the import process exited with code ${code}`);
  return JSON.parse(out.trim().split("\n").at(-1)!) as ChildResult;
}

async function reserveGroups(db: Database, count: number) {
  const d = await db.pool.query<{ id: number }>(
    `INSERT INTO datasets (slug, name, updated_at) VALUES ($1, 'copy floor', now()) RETURNING id`,
    [`bench-floor-${Date.now()}`],
  );
  const r = await db.pool.query<{ base: string }>(
    `SELECT setval('prompt_groups_id_seq', nextval('prompt_groups_id_seq') + $1) - $1 AS base`,
    [count],
  );
  return { datasetId: d.rows[0]!.id, firstGroupId: Number(r.rows[0]!.base) };
}

async function writeFiles(dir: string, responses: number, floor: { datasetId: number; firstGroupId: number }) {
  const paths = {
    jsonl: join(dir, "bench.jsonl"),
    bare: join(dir, "bare.tsv"),
    full: join(dir, "full.tsv"),
    groups: join(dir, "groups.tsv"),
    prompts: join(dir, "prompts.tsv"),
  };
  const out = {
    jsonl: createWriteStream(paths.jsonl),
    bare: createWriteStream(paths.bare),
    full: createWriteStream(paths.full),
    groups: createWriteStream(paths.groups),
    prompts: createWriteStream(paths.prompts),
  };
  const groups = Math.ceil(responses / (K * LANGS.length));
  const ids: string[] = [];
  let n = 0;
  for (const g of generateGroups({ seed: 3, groups, languages: LANGS, samples: K })) {
    const ord = ids.length;
    const groupId = floor.firstGroupId + ord;
    ids.push(g.id);
    let bare = "";
    let full = "";
    let prompts = "";
    for (const [lang, text] of Object.entries(g.prompts)) prompts += `${floor.datasetId}\t${groupId}\t${lang}\t${tsv(text)}\n`;
    for (const [lang, list] of Object.entries(g.responses)) {
      list.forEach((r, i) => {
        const hash = createHash("sha256").update(r.text, "utf8").digest();
        const length = codePointLength(r.text);
        bare += `${g.id}\t${lang}\t${i}\t${tsv(r.text)}\n`;
        full += `${floor.datasetId}\t${groupId}\t${lang}\t${i}\t${tsv(r.text)}\t\\\\x${hash.toString("hex")}\t${length}\t${r.model ?? "\\N"}\t${lang}\n`;
        n++;
      });
    }
    const group = `${groupId}\t${floor.datasetId}\t${tsv(g.id)}\t${g.gold === undefined ? "\\N" : tsv(g.gold)}\t${tsv(JSON.stringify(g.meta))}\n`;
    const writes = [
      out.jsonl.write(`${JSON.stringify(g)}\n`),
      out.bare.write(bare),
      out.full.write(full),
      out.groups.write(group),
      out.prompts.write(prompts),
    ];
    if (writes.includes(false)) await Promise.all(Object.values(out).map((s) => (s.writableNeedDrain ? once(s, "drain") : null)));
  }
  for (const s of Object.values(out)) s.end();
  await Promise.all(Object.values(out).map((s) => once(s, "finish")));
  return { ...paths, responses: n, ids };
}

async function bareCopy(db: Database, path: string): Promise<CopyTime> {
  const client = await db.pool.connect();
  try {
    await client.query("DROP TABLE IF EXISTS bench_copy_floor");
    await client.query("CREATE TABLE bench_copy_floor (external_id text, language text, sample_index int, text text)");
    return await timedCopies(client, async () => {
      await pipeline(createReadStream(path), client.query(copyFrom("COPY bench_copy_floor FROM STDIN")));
    });
  } finally {
    await client.query("DROP TABLE IF EXISTS bench_copy_floor");
    client.release();
  }
}

/** Times `copies` on `client`: wall time, its Postgres backend's CPU time (when local) and this process's CPU time. */
async function timedCopies(client: PoolClient, copies: () => Promise<void>): Promise<CopyTime> {
  const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  const cpu0 = backendCpu(pid);
  const client0 = processCpu();
  const t0 = Date.now();
  await copies();
  const wallMs = Date.now() - t0;
  const clientCpuMs = (processCpu() - client0) * 1000;
  const cpu1 = backendCpu(pid);
  return { wallMs, cpuMs: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) * 1000, clientCpuMs };
}

/**
 * COPY of the finished groups, prompts and responses into the real tables, timed together (wall time,
 * and the CPU time of the Postgres backend when it is local); rolled back.
 */
async function tablesCopy(
  db: Database,
  paths: { groups: string; prompts: string; full: string },
  without: readonly Part[] = [],
): Promise<CopyTime> {
  const client = await db.pool.connect();
  const copy = (path: string, sql: string) => pipeline(createReadStream(path), client.query(copyFrom(sql)));
  try {
    await client.query("BEGIN");
    for (const part of without) await client.query(removePart(part));
    return await timedCopies(client, async () => {
      await copy(paths.groups, `COPY prompt_groups (id, dataset_id, external_id, gold, meta) FROM STDIN`);
      await copy(paths.prompts, `COPY prompt_texts (dataset_id, group_id, language, text) FROM STDIN`);
      await copy(
        paths.full,
        `COPY responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, model, detected_language) FROM STDIN`,
      );
    });
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

/** The first rows of the file again (read after the import, so they do not weigh on its peak RSS). */
async function readSample(path: string): Promise<SampleRow[]> {
  const sample: SampleRow[] = [];
  let ord = 0;
  for await (const line of createInterface({ input: createReadStream(path) })) {
    const g = JSON.parse(line) as { responses: Record<string, { text: string; model?: string }[]> };
    for (const [lang, list] of Object.entries(g.responses)) {
      list.forEach((r, index) => {
        const hash = createHash("sha256").update(r.text, "utf8").digest();
        sample.push({ ord, lang, index, text: r.text, hash, length: codePointLength(r.text), model: r.model ?? null });
      });
    }
    ord++;
    if (sample.length >= CREATE_MANY_SAMPLE) break;
  }
  return sample.slice(0, CREATE_MANY_SAMPLE);
}

async function createManyRate(db: Database, ids: string[], sample: SampleRow[]): Promise<number> {
  const d = await db.prisma.dataset.create({ data: { slug: `bench-createmany-${Date.now()}`, name: "createMany" } });
  const ords = [...new Set(sample.map((s) => s.ord))];
  await db.prisma.promptGroup.createMany({ data: ords.map((o) => ({ datasetId: d.id, externalId: ids[o]! })) });
  const groups = await db.prisma.promptGroup.findMany({ where: { datasetId: d.id }, select: { id: true, externalId: true } });
  const idOf = new Map(groups.map((g) => [g.externalId, g.id]));
  const rows = sample.map((s) => ({
    datasetId: d.id,
    groupId: idOf.get(ids[s.ord]!)!,
    language: s.lang,
    sampleIndex: s.index,
    text: s.text,
    contentHash: new Uint8Array(s.hash),
    charLength: s.length,
    model: s.model,
    detectedLanguage: s.lang,
  }));
  const t0 = Date.now();
  for (let i = 0; i < rows.length; i += 5_000) await db.prisma.response.createMany({ data: rows.slice(i, i + 5_000) });
  const ms = Date.now() - t0;
  await db.prisma.dataset.delete({ where: { id: d.id } });
  return sample.length / (ms / 1000);
}

type CpuPerResponse = { client: number; postgres: number };

/**
 * CPU time a response, client + Postgres backend, of the import and of each floor, and the import's
 * ratio to each: unlike wall time, it barely moves with the load of a shared machine. Null when the
 * backends' CPU cannot be read (Postgres not local).
 */
function cpuRatios(rows: number, imp: { processCpu: number; pgCpu: number | null }, bare: CopyTime, full: CopyTime) {
  if (imp.pgCpu === null || bare.cpuMs === null || full.cpuMs === null) return null;
  const us = (seconds: number) => Number(((seconds / rows) * 1e6).toFixed(1));
  const per = (t: CopyTime): CpuPerResponse => ({ client: us(t.clientCpuMs / 1000), postgres: us(t.cpuMs! / 1000) });
  const total = (c: CpuPerResponse) => c.client + c.postgres;
  const importCpu = { client: us(imp.processCpu), postgres: us(imp.pgCpu) };
  const tables = per(full);
  const bareCpu = per(bare);
  // The shortest wall time that CPU allows on this machine's cores: all the CPU spread over every core,
  // yet never shorter than one backend's serial work (a COPY's client runs beside its backend).
  const cores = availableParallelism();
  const importBound = Math.max(total(importCpu) / cores, importCpu.postgres);
  const floorBound = (c: CpuPerResponse) => Math.max(total(c) / cores, c.postgres, c.client);
  return {
    import: importCpu,
    tables,
    bare: bareCpu,
    vsTables: Number((total(importCpu) / total(tables)).toFixed(2)),
    vsBare: Number((total(importCpu) / total(bareCpu)).toFixed(2)),
    boundVsTables: Number((importBound / floorBound(tables)).toFixed(2)),
    boundVsBare: Number((importBound / floorBound(bareCpu)).toFixed(2)),
  };
}

export async function run({ size, args }: { size?: number; args: string[] }) {
  const responses = size ?? 1_000_000;
  const workersFlag = args.indexOf("--workers");
  const workers = workersFlag >= 0 ? Number(args[workersFlag + 1]) : Math.max(1, availableParallelism() - 1);
  const db = await benchDatabase();
  const dir = mkdtempSync(join(tmpdir(), "cm-bench-import-"));
  try {
    const floor = await reserveGroups(db, Math.ceil(responses / (K * LANGS.length)));
    const files = await writeFiles(dir, responses, floor);
    const mb = statSync(files.jsonl).size / 2 ** 20;
    log(`generated ${files.responses} responses in ${files.ids.length} groups: ${mb.toFixed(0)} MB of nested JSONL`);
    const bare = await bareCopy(db, files.bare);
    const bareMs = bare.wallMs;
    log(`floor 1: plain COPY into a bare 4-column table ${seconds(bareMs)} s (${Math.round(files.responses / (bareMs / 1000))} rows/s)`);
    const full = await tablesCopy(db, files);
    const fullMs = full.wallMs;
    log(
      `floor 2: COPY of the finished groups, prompts and responses into their tables ${seconds(fullMs)} s (${Math.round(files.responses / (fullMs / 1000))} responses/s)`,
    );
    const parts = args.includes("--parts") ? await measureParts(db, (without) => tablesCopy(db, files, without), files.responses) : null;
    await db.pool.query(`DELETE FROM datasets WHERE id = $1`, [floor.datasetId]);
    const load0 = loadavg()[0]!;
    const child = await importInChild(files.jsonl, `bench-import-${Date.now()}`, workers);
    const { summary, stats, ms, peakRssMb: peak, processCpuS: processCpu, mainThreadCpuS: mainCpu, postgresCpuS: pgCpu } = child;
    log(
      `import: ${seconds(ms)} s, ${summary.responsesAdded} responses, ${Math.round(files.responses / (ms / 1000))} responses/s, ${(mb / (ms / 1000)).toFixed(1)} MB/s, peak RSS ${peak} MB`,
    );
    log(
      `  ${stats.workers} derive worker thread(s); load average ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`,
    );
    log(
      `  CPU: import process ${processCpu.toFixed(1)} s over all its threads (main thread ${mainCpu === null ? "n/a" : `${mainCpu.toFixed(1)} s`}); derive workers busy ${(stats.deriveMs / 1000).toFixed(1)} s (wall, incl. waiting for a core); ` +
        `Postgres backend ${pgCpu === null ? "n/a" : `${pgCpu.toFixed(1)} s`}`,
    );
    log(`  wall: connection busy writing ${seconds(stats.writeMs)} s, publish + dataset languages ${seconds(stats.publishMs)} s`);
    const cpu = cpuRatios(files.responses, { processCpu, pgCpu }, bare, full);
    if (cpu) {
      log(
        `  CPU µs a response (client + Postgres): import ${cpu.import.client} + ${cpu.import.postgres}, COPY into our tables ${cpu.tables.client} + ${cpu.tables.postgres}, ` +
          `bare COPY ${cpu.bare.client} + ${cpu.bare.postgres}; CPU ratio ${cpu.vsTables} vs COPY into our tables, ${cpu.vsBare} vs bare`,
      );
      log(
        `  best wall ratio this CPU allows on ${availableParallelism()} cores (all CPU spread over the cores, never below the backend's own): ` +
          `${cpu.boundVsTables} vs COPY into our tables, ${cpu.boundVsBare} vs bare`,
      );
    }
    const sample = await readSample(files.jsonl);
    const cm = await createManyRate(db, files.ids, sample);
    log(`Prisma createMany (${sample.length} of the same rows, batches of 5,000): ${Math.round(cm)} rows/s`);
    await closeDatabase();
    return {
      size: files.responses,
      slowdown: Number((ms / bareMs).toFixed(2)),
      slowdown_vs_copy_into_tables: Number((ms / fullMs).toFixed(2)),
      cpu_slowdown: cpu?.vsBare ?? null,
      cpu_slowdown_vs_copy_into_tables: cpu?.vsTables ?? null,
      cpu_bound_slowdown: cpu?.boundVsBare ?? null,
      cpu_bound_slowdown_vs_copy_into_tables: cpu?.boundVsTables ?? null,
      cpu_us_per_response: cpu ? { import: cpu.import, copy_into_tables: cpu.tables, bare_copy: cpu.bare } : null,
      responses_per_s: Math.round(files.responses / (ms / 1000)),
      mb_per_s: Number((mb / (ms / 1000)).toFixed(1)),
      bare_copy_rows_per_s: Math.round(files.responses / (bareMs / 1000)),
      responses_copy_rows_per_s: Math.round(files.responses / (fullMs / 1000)),
      create_many_rows_per_s: Math.round(cm),
      create_many_sample: sample.length,
      peak_rss_mb: peak,
      process_cpu_s: Number(processCpu.toFixed(1)),
      main_thread_cpu_s: mainCpu === null ? null : Number(mainCpu.toFixed(1)),
      derive_busy_s: Number((stats.deriveMs / 1000).toFixed(1)),
      postgres_cpu_s: pgCpu === null ? null : Number(pgCpu.toFixed(1)),
      workers: stats.workers,
      load_avg_1m: Number(loadavg()[0]!.toFixed(2)),
      ...(parts ? { copy_parts_s: parts } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
