import type { PoolClient } from "pg";
import { z } from "zod";
import { execute, queryMaybeOne, queryOne, queryRows, sql, type Queryable } from "@/lib/db/sql";
import { firstUnlocked } from "./first-unlocked";

// The chunk ledger of a pipeline run: its work split into group-id ranges that workers claim.

export type Chunk = { runId: number; chunkNo: number; fromGroupId: number; toGroupId: number; groups: number };
/** A claimed chunk, with what earlier slices of it committed (a chunk committed in slices: the last group, groups, failed items). */
export type ClaimedChunk = Chunk & { datasetId: number; cursorGroupId: number | null; doneGroups: number; failedItems: number };

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
  dataset_id: z.number(),
  cursor_group_id: z.number().nullable(),
  done_groups: z.number(),
  failed_items: z.number(),
  chunk_no: z.number(),
  from_group_id: z.number(),
  to_group_id: z.number(),
  groups: z.number(),
});

/**
 * Claims the next chunk no other worker holds. A chunk whose worker stopped heartbeating for
 * `staleMs` (killed, crashed, on any machine) is claimable again; its partial work was rolled back with it.
 */
export async function claimChunk(db: Queryable, runId: number, workerId: string, staleMs: number): Promise<ClaimedChunk | null> {
  const r = await queryMaybeOne(
    db,
    sql`UPDATE run_chunks c SET status = 'running', claimed_by = ${workerId}, claimed_at = now(), attempts = c.attempts + 1
        WHERE (c.run_id, c.chunk_no) = (${firstUnlocked(sql`
          SELECT run_id, chunk_no FROM run_chunks
          WHERE run_id = ${runId} AND (status = 'queued'
            OR (status = 'running' AND claimed_at < now() - make_interval(secs => ${staleMs}::float8 / 1000)))
          ORDER BY chunk_no`)})
        RETURNING c.run_id, c.chunk_no, c.dataset_id, c.from_group_id, c.to_group_id, c.groups, c.cursor_group_id, c.done_groups, c.failed_items`,
    ZChunkRow,
  );
  return r
    ? {
        runId: r.run_id,
        chunkNo: r.chunk_no,
        datasetId: r.dataset_id,
        fromGroupId: r.from_group_id,
        toGroupId: r.to_group_id,
        groups: r.groups,
        cursorGroupId: r.cursor_group_id,
        doneGroups: r.done_groups,
        failedItems: r.failed_items,
      }
    : null;
}

/** Marks a chunk done if `workerId` still holds it; false when another worker took it over (its result counts). */
export async function settleChunk(tx: Queryable, chunk: Chunk, workerId: string, failed: number): Promise<boolean> {
  const n = await execute(
    tx,
    sql`UPDATE run_chunks SET status = 'succeeded', failed_items = failed_items + ${failed},
               error = CASE WHEN failed_items + ${failed} > 0 THEN (failed_items + ${failed}) || ' failed items' END
        WHERE run_id = ${chunk.runId} AND chunk_no = ${chunk.chunkNo} AND claimed_by = ${workerId} AND status = 'running'`,
  );
  return n === 1;
}

/**
 * Records a slice of a chunk committed (its groups after `after`, up to `to`), if `workerId` still
 * holds the chunk and no slice after `after` was committed; false otherwise (the slice's result is
 * not to be written).
 */
export async function advanceChunk(
  tx: Queryable,
  chunk: Chunk,
  workerId: string,
  after: number | null,
  slice: { to: number; groups: number; failed: number },
): Promise<boolean> {
  const n = await execute(
    tx,
    sql`UPDATE run_chunks SET cursor_group_id = ${slice.to}, done_groups = done_groups + ${slice.groups},
               failed_items = failed_items + ${slice.failed}
        WHERE run_id = ${chunk.runId} AND chunk_no = ${chunk.chunkNo} AND claimed_by = ${workerId} AND status = 'running'
          AND cursor_group_id IS NOT DISTINCT FROM ${after}::int`,
  );
  return n === 1;
}

/** The ids of the groups of `datasetId` with ids from `from` to `to`, in order. */
export async function groupsBetween(db: Queryable, datasetId: number, from: number, to: number): Promise<number[]> {
  const rows = await queryRows(
    db,
    sql`SELECT id FROM prompt_groups WHERE dataset_id = ${datasetId} AND id BETWEEN ${from} AND ${to} ORDER BY id`,
    z.object({ id: z.number() }),
  );
  return rows.map((r) => r.id);
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
