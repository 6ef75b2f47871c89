import type { PoolClient } from "pg";
import { execute, sql } from "@/lib/db/sql";
import { computeRunSummary, type RunSummary } from "./summary";

/**
 * In the transaction that marked a select run succeeded (its pairs published: materialize-pairs.ts):
 * stores its summary, computed here unless given (computed beforehand outside the transaction).
 */
export async function finalizeSelectRun(tx: PoolClient, runId: number, summary?: RunSummary): Promise<void> {
  const stored = summary ?? (await computeRunSummary(tx, runId));
  await execute(tx, sql`UPDATE pipeline_runs SET summary = ${JSON.stringify(stored)} WHERE id = ${runId}`);
}
