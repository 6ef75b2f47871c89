import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { execute, queryRows, raw, sql } from "@/lib/db/sql";
import { heartbeatLapseMs } from "@/lib/jobs/heartbeat";
import { sweepAbandonedImportLoads } from "./hidden-load";

// On the embedded database an import that creates a dataset fills it in short transactions while the
// dataset is `loading` (hidden from every reader), so readers are never kept waiting behind it.
// What such an import leaves when it fails, is cancelled or is killed is removed here, in small
// statements so that the clean-up does not hold the single PGlite session for long either.

const DELETE_BATCH = 5_000;

/** Removes a hidden (loading) dataset and everything written into it; a published one is never touched. */
export async function discardLoadingDataset(db: Pick<Database, "pool">, datasetId: number): Promise<void> {
  const loading = await queryRows(db.pool, sql`SELECT id FROM datasets WHERE id = ${datasetId} AND loading`, z.object({ id: z.number() }));
  if (loading.length === 0) return;
  for (const table of ["responses", "prompt_texts", "prompt_groups"]) {
    for (;;) {
      const deleted = await execute(
        db.pool,
        sql`
        DELETE FROM ${raw(table)} WHERE id IN (SELECT id FROM ${raw(table)} WHERE dataset_id = ${datasetId} LIMIT ${DELETE_BATCH})`,
      );
      if (deleted < DELETE_BATCH) break;
    }
  }
  // A status row that linked the slug meanwhile keeps its history (it would otherwise go with the dataset).
  await execute(db.pool, sql`UPDATE imports SET dataset_id = NULL WHERE dataset_id = ${datasetId}`);
  await execute(db.pool, sql`DELETE FROM datasets WHERE id = ${datasetId} AND loading`);
}

/**
 * Removes the loading datasets whose import stopped writing (killed, or its clean-up failed): found by
 * the job engine's lapsed heartbeat (`updated_at`, beaten by every batch), never by process id.
 * Also discards the lapsed loads of imports into existing datasets (hidden-load.ts). Runs before
 * every embedded import and in the worker's resume pass. Returns how many were removed.
 */
export async function sweepAbandonedLoads(db: Pick<Database, "pool">, lapseMs = heartbeatLapseMs()): Promise<number> {
  const abandoned = await queryRows(
    db.pool,
    sql`SELECT id FROM datasets WHERE loading AND updated_at < now() - make_interval(secs => ${lapseMs}::float8 / 1000)`,
    z.object({ id: z.number() }),
  );
  for (const { id } of abandoned) await discardLoadingDataset(db, id);
  return abandoned.length + (await sweepAbandonedImportLoads(db, lapseMs));
}
