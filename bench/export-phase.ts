// One measured phase of `bench export`, in a process of its own so its peak RSS is its own:
// `tsx bench/export-phase.ts <floor|trl|parquet> <datasetId> <pairs>` prints {"seconds", "rows", "peakRssMb",
// "firstHalfRssMb", "secondHalfRssMb", "cpuSeconds", "mainThreadSeconds", "postgresCpuSeconds"}: the peak overall and over each half of
// the rows (flat memory: equal halves), CPU time of this process (all its threads), its main thread's CPU
// time ("mainThreadSeconds") and CPU time of its Postgres backends.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDatabase, getDatabase, type Database } from "@/lib/db/client";
import { resolveExportConfig } from "@/lib/export/snapshots/config";
import { createExport } from "@/lib/export/snapshots/create-export";
import { exportPairsQuery } from "@/lib/export/snapshots/pairs-query";
import { cursorBatches } from "@/lib/export/snapshots/read-pairs";
import { withReadSnapshot } from "@/lib/export/snapshots/read-snapshot";
import { backendCpu } from "./bench-db";
import { trackPeakRss } from "./peak-rss";

type Halfway = (done: number, total: number) => void;

/** The floor: the export's query and cursor batches (same prefetching), rows dropped. */
async function readFloor(db: Database, datasetId: number, total: number, onRows: Halfway): Promise<number> {
  const dataset = await db.prisma.dataset.findUniqueOrThrow({ where: { id: datasetId } });
  const query = exportPairsQuery(datasetId, resolveExportConfig(dataset, { format: "trl" }));
  return withReadSnapshot(db, async (client) => {
    let rows = 0;
    for await (const batch of cursorBatches(client, query)) {
      rows += batch.length;
      onRows(rows, total);
    }
    return rows;
  });
}

async function exportOnce(db: Database, datasetId: number, format: "trl" | "parquet", onProgress: Halfway): Promise<number> {
  const root = await mkdtemp(path.join(tmpdir(), `cm-bench-export-${format}-`));
  try {
    return (await createExport(db, { datasetId, request: { format }, root, onProgress })).total;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** CPU seconds used so far by each Postgres backend connected to this database (the bench's database is its own). */
async function backendsCpu(db: Database): Promise<Map<number, number>> {
  const { rows } = await db.pool.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  return new Map(rows.map(({ pid }) => [pid, backendCpu(pid) ?? 0]));
}

/** CPU seconds of this process's main thread alone (Linux: its task's stat; the GC's and other threads' time is not in it). */
function mainThreadCpu(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const [phase, id, size] = process.argv.slice(2);
if (phase !== "floor" && phase !== "trl" && phase !== "parquet") throw new Error(`unknown phase ${phase}`);
const db = await getDatabase();
const datasetId = Number(id);
const rss = trackPeakRss();
let firstHalfRssMb = 0;
const halfway: Halfway = (done, total) => {
  if (firstHalfRssMb === 0 && done * 2 >= total) firstHalfRssMb = rss.split();
};
const pgBefore = await backendsCpu(db);
const cpuBefore = process.cpuUsage();
const mainBefore = mainThreadCpu();
const started = process.hrtime.bigint();
const rows = phase === "floor" ? await readFloor(db, datasetId, Number(size), halfway) : await exportOnce(db, datasetId, phase, halfway);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const secondHalfRssMb = rss.split();
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
// With encoding on a thread of its own, the main thread's CPU is the part that cannot overlap.
const mainThreadSeconds = mainThreadCpu() - mainBefore;
let postgresCpuSeconds = 0;
for (const [pid, used] of await backendsCpu(db)) postgresCpuSeconds += used - (pgBefore.get(pid) ?? 0);
const measured = {
  seconds,
  rows,
  peakRssMb: rss.stop(),
  firstHalfRssMb,
  secondHalfRssMb,
  cpuSeconds,
  mainThreadSeconds,
  postgresCpuSeconds,
};
process.stdout.write(`${JSON.stringify(measured)}\n`);
await closeDatabase();
