import type { Database } from "@/lib/db/client";
import { createDataset } from "@/lib/testing/fixtures";
import { insertChunkedRun } from "@/lib/jobs/chunk-loop";

// Test support for the job engine's tests. A dataset of `groups` one-prompt groups and a queued
// chunked run over it (kind `embed`, whose config the engine itself never reads).

export async function chunkedRunFixture(
  db: Database,
  slug: string,
  groups: number,
  chunkSize: number,
): Promise<{ datasetId: number; runId: number }> {
  const datasetId = await createDataset(
    db,
    slug,
    Array.from({ length: groups }, (_, i) => ({ id: `g${i}`, prompts: { en: `prompt ${i}` }, responses: {} })),
    ["en"],
  );
  const { runId } = await insertChunkedRun(db, datasetId, "embed", { model: "none" }, chunkSize, null);
  return { datasetId, runId };
}

/** A run's row and chunk ledger in one object, for the engine's tests. */
export async function engineStatus(db: Database, runId: number) {
  const { rows } = await db.pool.query<{ status: string; done: number; total: number; failed: number; chunks_left: number }>(
    `SELECT status::text, done_items AS done, total_items AS total, failed_items AS failed,
            (SELECT count(*)::int FROM run_chunks WHERE run_id = $1 AND status <> 'succeeded') AS chunks_left
     FROM pipeline_runs WHERE id = $1`,
    [runId],
  );
  const r = rows[0]!;
  return { status: r.status, done: r.done, total: r.total, failed: r.failed, chunksLeft: r.chunks_left };
}
