import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/queue";

export const EXPORT_QUEUE = "export";
export const ZExportJob = z.object({ exportId: z.number().int().positive() });

/** Queues an export for the workers; one job per export (the export id is the singleton key). */
export async function enqueueExport(db: Database, exportId: number): Promise<void> {
  const boss = await getBoss(db);
  await boss.createQueue(EXPORT_QUEUE);
  // A large export may take long; the row, not the job, records progress, so a generous expiry is safe.
  await boss.send(EXPORT_QUEUE, { exportId } satisfies z.infer<typeof ZExportJob>, { singletonKey: `export-${exportId}`, retryLimit: 2, expireInHours: 12 });
}
