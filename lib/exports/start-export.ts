import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { createExport } from "./create-export";

/** Creates an export of a dataset from the UI and returns what the page shows about it. */
export async function startExport(slug: string, request: unknown): Promise<{ exportId: number; pairs: number }> {
  const dataset = await getDatasetBySlug(slug);
  const snapshot = await createExport(await getDatabase(), { datasetId: dataset.id, request });
  return { exportId: snapshot.exportId, pairs: snapshot.total };
}
