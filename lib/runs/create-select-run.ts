import type { Database } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, describeIssues } from "@/lib/errors";
import { createChunks } from "./chunks";
import { ZSelectRunConfig, type TSelectRunConfigInput } from "./schemas";

export type CreatedRun = { runId: number; groups: number; config: ReturnType<typeof ZSelectRunConfig.parse> };

/** Inserts a queued select run with its config snapshot and its work split into chunks, atomically. */
export async function createSelectRun(db: Database, datasetId: number, input: TSelectRunConfigInput, createdById: number | null = null): Promise<CreatedRun> {
  const parsed = ZSelectRunConfig.safeParse(input);
  if (!parsed.success) {
    throw new AppError("BAD_INPUT", `Invalid run config: ${describeIssues(parsed.error, "config")}`);
  }
  const config = parsed.data;
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO pipeline_runs (dataset_id, kind, status, config, created_by_id) VALUES ($1, 'select', 'queued', $2, $3) RETURNING id`,
      [datasetId, JSON.stringify(config), createdById],
    );
    const runId = rows[0]!.id;
    const groups = await createChunks(client, runId, datasetId, config.chunkSize);
    if (groups === 0) throw new AppError("BAD_INPUT", "The dataset has no prompt groups to select from; import data first.");
    await client.query(`UPDATE pipeline_runs SET total_items = $2 WHERE id = $1`, [runId, groups]);
    await recordAuditEvent(client, { datasetId, userId: createdById, action: "run.select.create", entity: "pipeline_run", entityId: runId, data: { config, groups } });
    await client.query("COMMIT");
    return { runId, groups, config };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** Asks a run to stop; a queued run stops at once, a running one after its current chunk. */
export async function cancelRun(db: Database, runId: number, userId: number | null = null): Promise<string> {
  const { rows } = await db.pool.query<{ status: string; dataset_id: number; kind: string }>(
    `UPDATE pipeline_runs SET cancel_requested = true,
            status = CASE WHEN status = 'queued' THEN 'cancelled'::"JobStatus" ELSE status END,
            finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
     WHERE id = $1 RETURNING status, dataset_id, kind`,
    [runId],
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", `No run ${runId}.`);
  const { status, dataset_id, kind } = rows[0];
  await recordAuditEvent(db.pool, { datasetId: dataset_id, userId, action: `run.${kind}.cancel`, entity: "pipeline_run", entityId: runId, data: { status } });
  return status;
}
