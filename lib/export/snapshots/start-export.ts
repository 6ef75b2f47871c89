import type { Database } from "@/lib/db/client";
import { queueExport } from "./create-export";
import { enqueueExport } from "./export-queue";

/** Queues an export of a dataset from the UI; a worker writes it (progress on the exports page). */
export async function startExport(
  db: Database,
  datasetId: number,
  request: unknown,
  createdById: number | null = null,
): Promise<{ exportId: number }> {
  const { exportId } = await queueExport(db, { datasetId, request, createdById });
  await enqueueExport(db, exportId);
  return { exportId };
}
