// One measured phase of `bench export`, in a process of its own so its peak RSS is its own:
// `tsx bench/export-phase.ts <floor|trl|parquet> <datasetId> <pairs>` prints {"seconds", "rows", "peakRssMb",
// "firstHalfRssMb", "secondHalfRssMb"}: the peak overall and over each half of the rows (flat memory: equal halves).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDatabase, getDatabase, type Database } from "@/lib/db/client";
import { resolveExportConfig } from "@/lib/export/snapshots/config";
import { createExport } from "@/lib/export/snapshots/create-export";
import { exportPairsQuery } from "@/lib/export/snapshots/pairs-query";
import { cursorBatches } from "@/lib/export/snapshots/read-pairs";
import { withReadSnapshot } from "@/lib/export/snapshots/read-snapshot";
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

const [phase, id, size] = process.argv.slice(2);
if (phase !== "floor" && phase !== "trl" && phase !== "parquet") throw new Error(`unknown phase ${phase}`);
const db = await getDatabase();
const datasetId = Number(id);
const rss = trackPeakRss();
let firstHalfRssMb = 0;
const halfway: Halfway = (done, total) => {
  if (firstHalfRssMb === 0 && done * 2 >= total) firstHalfRssMb = rss.split();
};
const started = process.hrtime.bigint();
const rows = phase === "floor" ? await readFloor(db, datasetId, Number(size), halfway) : await exportOnce(db, datasetId, phase, halfway);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const secondHalfRssMb = rss.split();
process.stdout.write(`${JSON.stringify({ seconds, rows, peakRssMb: rss.stop(), firstHalfRssMb, secondHalfRssMb })}\n`);
await closeDatabase();
