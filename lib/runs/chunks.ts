import type { Pool, PoolClient } from "pg";

export type Chunk = { runId: number; chunkNo: number; fromGroupId: number; toGroupId: number; groups: number };

/** Splits a dataset's groups into id ranges of `size` groups; one row per range. */
export async function createChunks(client: PoolClient, runId: number, datasetId: number, size: number): Promise<number> {
  const { rows } = await client.query<{ total: string }>(
    `WITH numbered AS (
       SELECT id, (row_number() OVER (ORDER BY id) - 1) / $3 AS chunk_no
       FROM prompt_groups WHERE dataset_id = $2
     ), inserted AS (
       INSERT INTO run_chunks (run_id, chunk_no, dataset_id, from_group_id, to_group_id, groups)
       SELECT $1, chunk_no, $2, min(id), max(id), count(*) FROM numbered GROUP BY chunk_no
       RETURNING groups
     )
     SELECT coalesce(sum(groups), 0) AS total FROM inserted`,
    [runId, datasetId, size],
  );
  return Number(rows[0]?.total ?? 0);
}

/**
 * Claims the next chunk no other worker holds. A chunk whose worker stopped heartbeating for
 * `staleMs` (killed, crashed) is claimable again; its partial work was rolled back with it.
 */
export async function claimChunk(pool: Pool, runId: number, workerId: string, staleMs: number): Promise<Chunk | null> {
  const { rows } = await pool.query<{ run_id: number; chunk_no: number; from_group_id: number; to_group_id: number; groups: number }>(
    `UPDATE run_chunks c SET status = 'running', claimed_by = $2, claimed_at = now(), attempts = c.attempts + 1
     WHERE (c.run_id, c.chunk_no) = (
       SELECT run_id, chunk_no FROM run_chunks
       WHERE run_id = $1 AND (status = 'queued'
         OR (status = 'running' AND claimed_at < now() - make_interval(secs => $3::float8 / 1000)))
       ORDER BY chunk_no LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING c.run_id, c.chunk_no, c.from_group_id, c.to_group_id, c.groups`,
    [runId, workerId, staleMs],
  );
  const r = rows[0];
  return r ? { runId: r.run_id, chunkNo: r.chunk_no, fromGroupId: r.from_group_id, toGroupId: r.to_group_id, groups: r.groups } : null;
}

export async function unfinishedChunks(pool: Pool, runId: number): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM run_chunks WHERE run_id = $1 AND status <> 'succeeded'`,
    [runId],
  );
  return rows[0]?.n ?? 0;
}
