import type { Database } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/queue";
import { createSelectRun } from "./create-select-run";
import type { TSelectRunConfigInput } from "./schemas";

/** Creates a select run and queues it for the workers. */
export async function startSelectRun(
  db: Database,
  datasetId: number,
  config: TSelectRunConfigInput,
  createdById: number | null = null,
): Promise<{ runId: number }> {
  const { runId } = await createSelectRun(db, datasetId, config, createdById);
  await enqueueJob(db, "select", { runId });
  return { runId };
}
