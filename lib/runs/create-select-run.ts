import type { Database } from "@/lib/db/client";
import { AppError, describeIssues } from "@/lib/errors";
import { insertChunkedRun } from "@/lib/jobs/chunk-loop";
import { ZSelectRunConfig, type TSelectRunConfigInput } from "./schemas";

export { cancelRun } from "@/lib/jobs/run-row";

export type CreatedRun = { runId: number; groups: number; config: ReturnType<typeof ZSelectRunConfig.parse> };

/** Inserts a queued select run with its config snapshot and its work split into chunks, atomically. */
export async function createSelectRun(
  db: Database,
  datasetId: number,
  input: TSelectRunConfigInput,
  createdById: number | null = null,
): Promise<CreatedRun> {
  const parsed = ZSelectRunConfig.safeParse(input);
  if (!parsed.success) {
    throw new AppError("BAD_INPUT", `Invalid run config: ${describeIssues(parsed.error, "config")}`);
  }
  const config = parsed.data;
  const { runId, groups } = await insertChunkedRun(db, datasetId, "select", config, config.chunkSize, createdById, (n) => {
    if (n === 0) throw new AppError("BAD_INPUT", "The dataset has no prompt groups to select from; import data first.");
  });
  return { runId, groups, config };
}
