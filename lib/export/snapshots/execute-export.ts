import { chmod, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { FORMAT_SPECS, usesSingleFile, writeExport, type ExportManifest, type ExportPair, type ParquetTuning } from "@/lib/export/formats";
import type { ExportConfig } from "./config";
import { keepBeating, heartbeatLapseMs } from "@/lib/jobs/heartbeat";
import { isJobCancelled } from "@/lib/jobs/job-cancelled";
import { execute, sql } from "@/lib/db/sql";
import { ExportProgress, type ProgressListener } from "./export-progress";
import { readExportSnapshot } from "./export-snapshot";
import { databaseExportDir, exportRoot, fileInExport } from "./location";
import { RowGroupPool } from "./row-group-pool";
import { env } from "@/lib/env";

export type RunExportOptions = {
  onProgress?: ProgressListener;
  /** Directory holding the snapshots; default `exportRoot()`. */
  root?: string;
  parquet?: ParquetTuning;
  /** Least time between two progress writes to the `exports` row (default 1 000 ms). */
  progressIntervalMs?: number;
  /** Rows per cursor fetch (default `READ_BATCH_ROWS`). */
  batchRows?: number;
};

export type ExportSnapshot = ExportManifest & {
  exportId: number;
  config: ExportConfig;
  /** Absolute directory of the stored files (manifest paths are relative to it). */
  location: string;
  total: number;
  runIds: number[];
  lastDecisionId: number | null;
};

type HeldExport = { exportId: number; datasetId: number; config: ExportConfig; claimedBy: string };

/** Where an export is written before it is complete; renamed to `location` in one step. */
export function partialLocation(location: string, claimedBy: string): string {
  return `${location}.partial-${claimedBy.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/**
 * Writes an export this process holds (`claimed_by`), from one database snapshot, into a partial
 * directory that is renamed to `<root>/<database id>/<exportId>` only when every file is complete; then stores
 * counts, file hashes, run ids and the last decision id. A failed or cancelled export keeps its row
 * (with the error) and leaves no files behind.
 */
export async function executeExport(db: Database, held: HeldExport, options: RunExportOptions): Promise<ExportSnapshot> {
  const { exportId, config, claimedBy } = held;
  const dataset = await db.prisma.dataset.findUniqueOrThrow({ where: { id: held.datasetId }, select: { slug: true } });
  const databaseDir = await databaseExportDir(db, options.root ?? exportRoot());
  const location = path.join(databaseDir, String(exportId));
  const partial = partialLocation(location, claimedBy);
  const mine = { id: exportId, claimedBy };
  let renamed = false;
  // Parquet row groups are encoded on a thread while this one reads (unless the caller brings its own encoder).
  const rowGroupPool =
    FORMAT_SPECS[config.format].container === "parquet" && !options.parquet?.encodeRowGroup
      ? new RowGroupPool(env().CM_EXPORT_THREADS ?? 1)
      : null;
  // The holder's heartbeat, also while the snapshot query runs before the first progress write.
  const stopBeating = keepBeating(heartbeatLapseMs(), () =>
    execute(
      db.pool,
      sql`UPDATE exports SET heartbeat_at = now() WHERE id = ${exportId} AND claimed_by = ${claimedBy} AND status = 'running'`,
    ),
  );
  try {
    await db.prisma.export.updateMany({ where: mine, data: { location } });
    if (await stat(location).catch(() => null)) {
      throw new AppError("CONFLICT", `${location} already exists; is CM_EXPORT_DIR shared with another database?`);
    }
    await rm(partial, { recursive: true, force: true });
    // Private to the app's user: the folders 0700, the files read-only to it (0400).
    await mkdir(databaseDir, { recursive: true, mode: 0o700 });
    await mkdir(partial, { recursive: true, mode: 0o700 });
    const hasSplit = config.testSplit !== null;
    const out = usesSingleFile(config.format, hasSplit) ? path.join(partial, `train.${FORMAT_SPECS[config.format].extension}`) : partial;
    const progress = new ExportProgress(db, exportId, claimedBy, options.progressIntervalMs ?? 1_000, options.onProgress);
    const result = await readExportSnapshot(
      db,
      { exportId, datasetId: held.datasetId, config, batchRows: options.batchRows },
      async (facts, batches) => {
        await progress.begin(facts.total);
        const manifest = await writeExport({
          rows: rowsOf(batches, progress),
          format: config.format,
          out,
          split: hasSplit ? { testFraction: config.testSplit!, seed: config.seed } : undefined,
          system: config.system,
          datasetName: dataset.slug,
          runConfig: { export: config, runs: facts.runConfigs },
          languages: config.languages,
          parquet: rowGroupPool ? { ...options.parquet, encodeRowGroup: rowGroupPool.encode } : options.parquet,
        });
        return { manifest, ...facts };
      },
    );
    await Promise.all(result.manifest.files.map((f) => chmod(fileInExport(partial, f.path), 0o400)));
    await rename(partial, location);
    renamed = true;
    const saved = await db.prisma.export.updateMany({
      where: mine,
      data: {
        status: "succeeded",
        counts: result.manifest.counts,
        files: result.manifest.files,
        runIds: result.runIds,
        lastDecisionId: result.lastDecisionId,
        rowsTotal: result.total,
        rowsDone: progress.rowsDone,
        heartbeatAt: new Date(),
        finishedAt: new Date(),
      },
    });
    if (saved.count !== 1) throw new AppError("CONFLICT", `Export ${exportId} is no longer held by ${claimedBy}.`);
    return {
      exportId,
      config,
      location,
      ...result.manifest,
      total: result.total,
      runIds: result.runIds,
      lastDecisionId: result.lastDecisionId,
    };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if (renamed) await rm(location, { recursive: true, force: true });
    const cancelled = isJobCancelled(error);
    await db.prisma.export.updateMany({
      where: mine,
      data: { status: cancelled ? "cancelled" : "failed", error: cancelled ? null : errorMessage(error), finishedAt: new Date() },
    });
    throw error;
  } finally {
    stopBeating();
    await rowGroupPool?.close();
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function* rowsOf(batches: AsyncIterable<ExportPair[]>, progress: ExportProgress): AsyncGenerator<ExportPair[]> {
  for await (const batch of batches) {
    yield batch;
    await progress.advance(batch.length);
  }
}
