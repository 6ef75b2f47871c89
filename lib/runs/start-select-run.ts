import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { enqueueJob } from "@/lib/jobs/queue";
import { createSelectRun } from "./create-select-run";
import type { TSelectRunConfigInput } from "./schemas";

/** Creates a select run and queues it for the workers. */
export async function startSelectRun(datasetSlug: string, config: TSelectRunConfigInput, createdById: number | null = null): Promise<{ runId: number }> {
  const db = await getDatabase();
  const dataset = await getDatasetBySlug(datasetSlug);
  const { runId } = await createSelectRun(db, dataset.id, config, createdById);
  await enqueueJob(db, "select", { runId });
  return { runId };
}
