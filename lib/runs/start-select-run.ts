import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { enqueueRun } from "@/lib/jobs/queue";
import { createSelectRun } from "./create-select-run";
import type { TSelectRunConfigInput } from "./schemas";

/** Creates a select run and queues it for the workers. */
export async function startSelectRun(datasetSlug: string, config: TSelectRunConfigInput, createdById: number | null = null): Promise<{ runId: number }> {
  const db = await getDatabase();
  const dataset = await getDatasetBySlug(datasetSlug);
  const { runId } = await createSelectRun(db, dataset.id, config, createdById);
  await enqueueRun(db, runId);
  return { runId };
}
