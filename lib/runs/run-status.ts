import type { PoolClient } from "pg";
import { execute, sql } from "@/lib/db/sql";
import { materializePairs } from "./materialize-pairs";
import { computeRunSummary } from "./summary";

/** In the transaction that marked a select run succeeded: publishes its pairs and stores its summary. */
export async function finalizeSelectRun(tx: PoolClient, runId: number, datasetId: number): Promise<void> {
  await materializePairs(tx, runId, datasetId);
  const summary = await computeRunSummary(tx, runId);
  await execute(tx, sql`UPDATE pipeline_runs SET summary = ${JSON.stringify(summary)} WHERE id = ${runId}`);
}
