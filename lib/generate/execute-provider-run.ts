import type { Database } from "@/lib/db/client";
import { executeEmbedRun } from "@/lib/embeddings/embed-run";
import type { RunOutcome } from "@/lib/providers/run-loop";
import { executeGenerateRun } from "./generate-run";

/** Executes a generate or embed run; null for any other kind (the worker hands those on). */
export async function executeProviderRun(db: Database, runId: number): Promise<RunOutcome | null> {
  const { rows } = await db.pool.query<{ kind: string }>(`SELECT kind FROM pipeline_runs WHERE id = $1`, [runId]);
  const kind = rows[0]?.kind;
  if (kind === "generate") return executeGenerateRun(db, runId);
  if (kind === "embed") return executeEmbedRun(db, runId);
  return null;
}
