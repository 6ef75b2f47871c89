import { chmod, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { FORMAT_SPECS, usesSingleFile, writeExport, type ExportManifest, type ExportPair, type ParquetTuning } from "@/lib/export";
import { resolveExportConfig, type ExportConfig } from "./config";
import { exportRoot, fileInExport } from "./location";
import { exportPairsCountQuery, exportRunIdsQuery } from "./pairs-query";
import { streamExportPairs } from "./read-pairs";
import { withReadSnapshot } from "./read-snapshot";

export type CreateExportOptions = {
  datasetId: number;
  /** Validated here (see `ZExportRequest`). */
  request: unknown;
  onProgress?: (done: number, total: number) => void;
  /** Directory holding the snapshots; default `exportRoot()`. */
  root?: string;
  createdById?: number | null;
  parquet?: ParquetTuning;
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

/**
 * Records an export: inserts the `exports` row, writes the files into `<root>/<exportId>/` from one
 * database snapshot, then stores counts, file hashes, run ids and the last decision id it saw.
 * A failed export keeps its row (status failed, with the error) and leaves no files behind.
 */
export async function createExport(db: Database, options: CreateExportOptions): Promise<ExportSnapshot> {
  const dataset = await db.prisma.dataset.findUnique({ where: { id: options.datasetId } });
  if (!dataset) throw new AppError("NOT_FOUND", `No dataset with id ${options.datasetId}.`);
  const config = resolveExportConfig(dataset, options.request);
  const row = await db.prisma.export.create({
    data: { datasetId: dataset.id, format: config.format, status: "running", config, createdById: options.createdById ?? null },
  });
  const location = path.join(options.root ?? exportRoot(), String(row.id));
  try {
    if (await stat(location).catch(() => null)) {
      throw new AppError("CONFLICT", `${location} already exists; is CM_EXPORT_DIR shared with another database?`);
    }
    await mkdir(location, { recursive: true });
    const hasSplit = config.testSplit !== null;
    const out = usesSingleFile(config.format, hasSplit) ? path.join(location, `train.${FORMAT_SPECS[config.format].extension}`) : location;
    const result = await withReadSnapshot(db, async (client) => {
      const decision = await client.query<{ id: number | null }>(`SELECT max(id) AS id FROM pair_decisions WHERE dataset_id = $1`, [dataset.id]);
      const count = exportPairsCountQuery(dataset.id, config);
      const total = (await client.query<{ n: number }>(count.text, count.values)).rows[0]!.n;
      const runs = exportRunIdsQuery(dataset.id, config);
      const runIds = (await client.query<{ run_id: number }>(runs.text, runs.values)).rows.map((r) => r.run_id);
      const runConfigs = await client.query<{ id: number; kind: string; config: unknown }>(
        `SELECT id, kind::text, config FROM pipeline_runs WHERE id = ANY($1::int[]) ORDER BY id`,
        [runIds],
      );
      const manifest = await writeExport({
        rows: counted(streamExportPairs(client, dataset.id, config), total, options.onProgress),
        format: config.format,
        out,
        split: hasSplit ? { testFraction: config.testSplit!, seed: config.seed } : undefined,
        system: config.system,
        datasetName: dataset.slug,
        runConfig: { export: config, runs: runConfigs.rows },
        languages: config.languages,
        parquet: options.parquet,
      });
      return { manifest, total, runIds, lastDecisionId: decision.rows[0]!.id };
    });
    await Promise.all(result.manifest.files.map((f) => chmod(fileInExport(location, f.path), 0o444)));
    await db.prisma.export.update({
      where: { id: row.id },
      data: {
        status: "succeeded",
        counts: result.manifest.counts,
        files: result.manifest.files,
        runIds: result.runIds,
        lastDecisionId: result.lastDecisionId,
        location,
        finishedAt: new Date(),
      },
    });
    return { exportId: row.id, config, location, ...result.manifest, total: result.total, runIds: result.runIds, lastDecisionId: result.lastDecisionId };
  } catch (error) {
    if (!(error instanceof AppError && error.code === "CONFLICT")) await rm(location, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    await db.prisma.export.update({ where: { id: row.id }, data: { status: "failed", error: message, finishedAt: new Date() } });
    throw error;
  }
}

async function* counted(rows: AsyncIterable<ExportPair>, total: number, onProgress?: (done: number, total: number) => void) {
  let done = 0;
  onProgress?.(0, total);
  for await (const row of rows) {
    yield row;
    done += 1;
    if (done % 1000 === 0) onProgress?.(done, total);
  }
  onProgress?.(done, total);
}
