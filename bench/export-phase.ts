// One measured phase of `bench export`, in a process of its own so its peak RSS is its own:
// `tsx bench/export-phase.ts <floor|trl|parquet> <datasetId>` prints {"seconds", "rows", "peakRssMb"}.
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

/** The floor: the export's query and cursor batches (same prefetching), rows dropped. */
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

const [phase, id] = process.argv.slice(2);
if (phase !== "floor" && phase !== "trl" && phase !== "parquet") throw new Error(`unknown phase ${phase}`);
const db = await getDatabase();
const datasetId = Number(id);
const rss = trackPeakRss();
const started = process.hrtime.bigint();
const rows = phase === "floor" ? await readFloor(db, datasetId) : await exportOnce(db, datasetId, phase);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ seconds, rows, peakRssMb: rss.stop() })}\n`);
await closeDatabase();
