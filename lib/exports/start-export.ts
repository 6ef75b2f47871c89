import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { queueExport } from "./create-export";
import { enqueueExport } from "./export-queue";

/** Queues an export of a dataset from the UI; a worker writes it (progress on the exports page). */
export async function startExport(slug: string, request: unknown, createdById: number | null = null): Promise<{ exportId: number }> {
  const db = await getDatabase();
  const dataset = await getDatasetBySlug(slug);
  const { exportId } = await queueExport(db, { datasetId: dataset.id, request, createdById });
  await enqueueExport(db, exportId);
  return { exportId };
}
