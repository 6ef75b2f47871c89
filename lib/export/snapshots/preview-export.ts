import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { previewRecordList, previewRecords } from "@/lib/export/formats";
import { resolveExportConfig, type ExportConfig } from "./config";
import { exportPairsCountQuery } from "./pairs-query";
import { previewExportPairs } from "./read-pairs";

export type ExportPreview = {
  config: ExportConfig;
  total: number;
  text: string;
  /** The same records one by one, with their pair's language, for a field-by-field view. */
  records: { lang: string; record: object; line: string }[];
};

/** The first records of an export exactly as its data file would start, and how many pairs it would hold. */
export async function previewExport(db: Database, datasetId: number, request: unknown, limit = 3): Promise<ExportPreview> {
  const dataset = await db.prisma.dataset.findUnique({ where: { id: datasetId } });
  if (!dataset) throw new AppError("NOT_FOUND", `No dataset with id ${datasetId}.`);
  const config = resolveExportConfig(dataset, request);
  const count = exportPairsCountQuery(dataset.id, config);
  const [pairs, counted] = await Promise.all([
    previewExportPairs(db, dataset.id, config, limit),
    db.pool.query<{ n: number }>(count.text, count.values),
  ]);
  const options = { system: config.system, limit };
  return {
    config,
    total: counted.rows[0]!.n,
    text: previewRecords(pairs, config.format, options),
    records: previewRecordList(pairs, config.format, options),
  };
}
