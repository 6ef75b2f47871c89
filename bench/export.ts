import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDatabase, getDatabase, type Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { resolveExportConfig } from "@/lib/exports/config";
import { createExport } from "@/lib/exports/create-export";
import { exportPairsQuery } from "@/lib/exports/pairs-query";
import { cursorBatches } from "@/lib/exports/read-pairs";
import { withReadSnapshot } from "@/lib/exports/read-snapshot";
import { BENCH_LANGUAGES, ensureBenchDataset } from "./export-dataset";
import { trackPeakRss } from "./peak-rss";

// `npm run bench -- export [--size N]`: N pairs to `trl` and `parquet` against the floor, which reads
// the same rows with the same query and cursor batches (same prefetching) from Postgres and drops them.

const say = (line: string) => process.stdout.write(`${line}\n`);

type Measured = { seconds: number; rows: number; peakRssMb: number };

async function measure(label: string, work: () => Promise<number>): Promise<Measured> {
  global.gc?.();
  const rss = trackPeakRss();
  const started = process.hrtime.bigint();
  const rows = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMb = rss.stop();
  say(`${label.padEnd(8)} ${rows} pairs in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} pairs/s, peak RSS ${peakRssMb} MB`);
  return { seconds, rows, peakRssMb };
}

async function readFloor(db: Database, datasetId: number): Promise<number> {
  const dataset = await db.prisma.dataset.findUniqueOrThrow({ where: { id: datasetId } });
  const query = exportPairsQuery(datasetId, resolveExportConfig(dataset, { format: "trl" }));
  return withReadSnapshot(db, async (client) => {
    let rows = 0;
    for await (const batch of cursorBatches(client, query)) rows += batch.length;
    return rows;
  });
}

async function exportOnce(db: Database, datasetId: number, format: "trl" | "parquet"): Promise<number> {
  const root = await mkdtemp(path.join(tmpdir(), `cm-bench-export-${format}-`));
  try {
    return (await createExport(db, { datasetId, request: { format }, root })).total;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function run({ size = 1_000_000, args }: { size?: number; args: string[] }): Promise<Record<string, unknown>> {
  const roundsFlag = args.indexOf("--rounds");
  const rounds = roundsFlag >= 0 ? Number(args[roundsFlag + 1]) : 2;
  if (!(Number.isInteger(rounds) && rounds > 0)) throw new Error("--rounds takes a positive integer");
  if (!env().DATABASE_URL) throw new Error("bench export needs DATABASE_URL (a Postgres to build the benchmark dataset in)");
  const db = await getDatabase();
  try {
    const datasetId = await ensureBenchDataset(db, size, say);
    say(`${size} pairs over ${BENCH_LANGUAGES.length} languages; floor = same query and cursor, rows discarded`);
    // The machine may be shared: each phase runs `rounds` times, interleaved, and its best time counts.
    const best: Record<"floor" | "trl" | "parquet", Measured[]> = { floor: [], trl: [], parquet: [] };
    for (let round = 1; round <= rounds; round++) {
      say(`round ${round}/${rounds}`);
      best.floor.push(await measure("floor", () => readFloor(db, datasetId)));
      best.trl.push(await measure("trl", () => exportOnce(db, datasetId, "trl")));
      best.parquet.push(await measure("parquet", () => exportOnce(db, datasetId, "parquet")));
    }
    for (const m of Object.values(best).flat()) {
      if (m.rows !== size) throw new Error(`expected ${size} pairs, read ${m.rows}`);
    }
    const fastest = (ms: Measured[]) => ms.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const peak = (ms: Measured[]) => Math.max(...ms.map((m) => m.peakRssMb));
    const [floor, trl, parquet] = [fastest(best.floor), fastest(best.trl), fastest(best.parquet)];
    const rate = (m: Measured) => Math.round(m.rows / m.seconds);
    return {
      size,
      slowdown: Number((trl.seconds / floor.seconds).toFixed(3)),
      slowdown_parquet: Number((parquet.seconds / floor.seconds).toFixed(3)),
      pairs_per_s_trl: rate(trl),
      pairs_per_s_parquet: rate(parquet),
      floor_pairs_per_s: rate(floor),
      rounds,
      peak_rss_mb: Math.max(peak(best.trl), peak(best.parquet)),
      peak_rss_mb_floor: peak(best.floor),
    };
  } finally {
    await closeDatabase();
  }
}
