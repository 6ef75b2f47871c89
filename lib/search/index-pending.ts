import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { execute, type Queryable, queryMaybeOne, queryOne, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { firstUnlocked } from "@/lib/jobs/first-unlocked";

export type IndexProgress = { indexed: number; scanned: number; batches: number; remaining: number };

export type IndexOptions = {
  /** Only this dataset's ranges (default: every dataset). */
  datasetId?: number;
  /** Responses copied per transaction. */
  batchSize?: number;
  /** After each committed batch; `remaining` is pendingSearchCount's upper bound. */
  onProgress?: (p: IndexProgress) => void;
  /** Checked between batches: an aborted drain stops after the batch in flight commits. */
  signal?: AbortSignal;
};

export type IndexSummary = IndexProgress & { seconds: number; aborted: boolean };

// Throughput is flat from 1,000 to 20,000 (GIN inserts dominate); small batches keep each transaction
// short, which matters on PGlite, where a transaction holds the only session until it commits.
export const DEFAULT_BATCH_SIZE = 2_000;
/** Pending rows one transaction may take (generation leaves many ranges of a few ids each). */
const RANGES_PER_BATCH = 500;
const RETRIES = 5;

const ZPending = z.object({ id: z.number(), dataset_id: z.number(), from_id: z.number(), to_id: z.number() });
const ZCopied = z.object({ scanned: z.number(), last: z.number().nullable(), copied: z.number() });
type Batch = { scanned: number; copied: number; ranges: number };

const RETRYABLE = new Set(["40P01", "40001"]);

/**
 * One transaction: locks pending ranges one at a time (SKIP LOCKED, so concurrent drains take
 * different ranges), copies the next responses of each range in id order until `budget` responses
 * were read, and moves each range's start past the last id read or deletes the finished range.
 * Ids of a range that belong to another dataset or to a transaction not yet committed are passed
 * over: those responses are listed in their own inserting statement's range.
 */
async function indexBatch(tx: Queryable, datasetId: number | null, budget: number): Promise<Batch> {
  const batch: Batch = { scanned: 0, copied: 0, ranges: 0 };
  while (batch.scanned < budget && batch.ranges < RANGES_PER_BATCH) {
    const range = await queryMaybeOne(
      tx,
      firstUnlocked(
        sql`SELECT id, dataset_id, from_id, to_id FROM response_search_pending
            WHERE ${datasetId}::int IS NULL OR dataset_id = ${datasetId} ORDER BY id`,
      ),
      ZPending,
    );
    if (!range) break;
    batch.ranges++;
    const limit = budget - batch.scanned;
    const res = await queryOne(
      tx,
      sql`WITH batch AS (
            SELECT id, dataset_id, group_id, language, text FROM responses
            WHERE dataset_id = ${range.dataset_id} AND id BETWEEN ${range.from_id} AND ${range.to_id} ORDER BY id LIMIT ${limit}
          ), copied AS (
            INSERT INTO response_search_texts (response_id, dataset_id, group_id, language, text)
            SELECT id, dataset_id, group_id, language, text FROM batch
            ON CONFLICT DO NOTHING RETURNING 1
          )
          SELECT (SELECT count(*) FROM batch)::int AS scanned, (SELECT max(id) FROM batch) AS last, (SELECT count(*) FROM copied)::int AS copied`,
      ZCopied,
    );
    batch.scanned += res.scanned;
    batch.copied += res.copied;
    if (res.scanned < limit || res.last === null || res.last >= range.to_id) {
      await execute(tx, sql`DELETE FROM response_search_pending WHERE id = ${range.id}`);
    } else {
      await execute(tx, sql`UPDATE response_search_pending SET from_id = ${res.last + 1} WHERE id = ${range.id}`);
    }
  }
  return batch;
}

async function indexBatchRetrying(db: Database, datasetId: number | null, budget: number): Promise<Batch> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransaction(db, (tx) => indexBatch(tx, datasetId, budget));
    } catch (error) {
      // A dataset deleted meanwhile can deadlock with the batch (its cascade wants the locked range).
      const code = (error as { code?: string }).code;
      if (attempt >= RETRIES || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}

/**
 * Responses still waiting for the search table: the summed size of the pending id ranges. An upper
 * bound (a range may hold ids of other datasets or of rows an insert skipped), exact for a range
 * written by one uncontended statement.
 */
export async function pendingSearchCount(db: Database, datasetId?: number): Promise<number> {
  const id = datasetId ?? null;
  const found = await queryOne(
    db.pool,
    sql`SELECT coalesce(sum(to_id::bigint - from_id + 1), 0) AS n FROM response_search_pending WHERE ${id}::int IS NULL OR dataset_id = ${id}`,
    z.object({ n: z.string() }),
  );
  return Number(found.n);
}

/**
 * Copies pending responses into response_search_texts until no range is left (or the signal aborts).
 * Every batch is one transaction, so a crash loses and duplicates nothing, and several drains (the
 * worker's job, the CLI) may run at once. Ranges another drain holds are left to it.
 */
export async function indexPendingResponses(db: Database, opts: IndexOptions = {}): Promise<IndexSummary> {
  const started = performance.now();
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  const progress: IndexProgress = { indexed: 0, scanned: 0, batches: 0, remaining: 0 };
  let aborted = false;
  for (;;) {
    if (opts.signal?.aborted) {
      aborted = true;
      break;
    }
    const batch = await indexBatchRetrying(db, opts.datasetId ?? null, batchSize);
    if (batch.ranges === 0) break;
    progress.batches++;
    progress.indexed += batch.copied;
    progress.scanned += batch.scanned;
    if (opts.onProgress) opts.onProgress({ ...progress, remaining: await pendingSearchCount(db, opts.datasetId) });
  }
  progress.remaining = await pendingSearchCount(db, opts.datasetId);
  return { ...progress, seconds: (performance.now() - started) / 1000, aborted };
}
