import type { Database } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/queue";

/** Queues an export for the workers; one job per export (the export id is the singleton key). */
export async function enqueueExport(db: Database, exportId: number): Promise<void> {
  await enqueueJob(db, "export", { exportId });
}
