import type { PoolClient } from "pg";
import { z } from "zod";
import { execute, queryMaybeOne, queryOne, sql, type Queryable } from "@/lib/db/sql";
import { firstUnlocked } from "./first-unlocked";

// The chunk ledger of a pipeline run: its work split into group-id ranges that workers claim.

export type Chunk = { runId: number; chunkNo: number; fromGroupId: number; toGroupId: number; groups: number };

/** Splits a dataset's groups into id ranges of `size` groups; one row per range. */
export async function createChunks(tx: PoolClient, runId: number, datasetId: number, size: number): Promise<number> {
  const row = await queryOne(
    tx,
    sql`WITH numbered AS (
          SELECT id, (row_number() OVER (ORDER BY id) - 1) / ${size} AS chunk_no
          FROM prompt_groups WHERE dataset_id = ${datasetId}
        ), inserted AS (
          INSERT INTO run_chunks (run_id, chunk_no, dataset_id, from_group_id, to_group_id, groups)
          SELECT ${runId}, chunk_no, ${datasetId}, min(id), max(id), count(*) FROM numbered GROUP BY chunk_no
          RETURNING groups
        )
        SELECT coalesce(sum(groups), 0) AS total FROM inserted`,
    z.object({ total: z.coerce.number() }),
  );
  return row.total;
}

const ZChunkRow = z.object({
  run_id: z.number(),
  chunk_no: z.number(),
  from_group_id: z.number(),
  to_group_id: z.number(),
  groups: z.number(),
});

/**
 * Claims the next chunk no other worker holds. A chunk whose worker stopped heartbeating for
 * `staleMs` (killed, crashed, on any machine) is claimable again; its partial work was rolled back with it.
 */
export async function claimChunk(db: Queryable, runId: number, workerId: string, staleMs: number): Promise<Chunk | null> {
  const r = await queryMaybeOne(
    db,
    sql`UPDATE run_chunks c SET status = 'running', claimed_by = ${workerId}, claimed_at = now(), attempts = c.attempts + 1
        WHERE (c.run_id, c.chunk_no) = (${firstUnlocked(sql`
          SELECT run_id, chunk_no FROM run_chunks
          WHERE run_id = ${runId} AND (status = 'queued'
            OR (status = 'running' AND claimed_at < now() - make_interval(secs => ${staleMs}::float8 / 1000)))
          ORDER BY chunk_no`)})
        RETURNING c.run_id, c.chunk_no, c.from_group_id, c.to_group_id, c.groups`,
    ZChunkRow,
  );
  return r ? { runId: r.run_id, chunkNo: r.chunk_no, fromGroupId: r.from_group_id, toGroupId: r.to_group_id, groups: r.groups } : null;
}

/** Marks a chunk done if `workerId` still holds it; false when another worker took it over (its result counts). */
export async function settleChunk(tx: Queryable, chunk: Chunk, workerId: string, error: string | null): Promise<boolean> {
  const n = await execute(
    tx,
    sql`UPDATE run_chunks SET status = 'succeeded', error = ${error}
        WHERE run_id = ${chunk.runId} AND chunk_no = ${chunk.chunkNo} AND claimed_by = ${workerId} AND status = 'running'`,
  );
  return n === 1;
}

/** The chunk's heartbeat: keeps a long chunk from looking abandoned; false when another worker has taken it over. */
export async function touchChunk(db: Queryable, chunk: Chunk, workerId: string): Promise<boolean> {
  const n = await execute(
    db,
    sql`UPDATE run_chunks SET claimed_at = now() WHERE run_id = ${chunk.runId} AND chunk_no = ${chunk.chunkNo} AND claimed_by = ${workerId}`,
  );
  return n === 1;
}

export async function unfinishedChunks(db: Queryable, runId: number): Promise<number> {
  const row = await queryOne(
    db,
    sql`SELECT count(*)::int AS n FROM run_chunks WHERE run_id = ${runId} AND status <> 'succeeded'`,
    z.object({ n: z.number() }),
  );
  return row.n;
}
