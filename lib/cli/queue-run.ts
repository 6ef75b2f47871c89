import type { Database } from "@/lib/db/client";
import { enqueueRun } from "@/lib/jobs/queue";
import { count, printJson, say } from "./output";

/** `--enqueue`: hands the run to the workers instead of executing it here, and says so (`--json`: on stdout too). */
export async function queueRun(
  db: Database,
  run: { id: number; label: string; groups: number },
  json: boolean | undefined,
  summary: Record<string, unknown> = {},
): Promise<void> {
  await enqueueRun(db, run.id);
  say(`Queued ${run.label} over ${count(run.groups, "group")}; a worker (npm run worker) executes it.`);
  if (json) printJson({ runId: run.id, groups: run.groups, ...summary, status: "queued" });
}
