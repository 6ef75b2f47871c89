import type { PoolClient } from "pg";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { EMBEDDED_READER_ROLE as READER_ROLE } from "@/lib/db/embedded-reader";
import { execute, queryMaybeOne, queryRows, raw, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { heartbeatLapseMs } from "@/lib/jobs/heartbeat";
import { stillLoading } from "./hidden-dataset";
import type { LoadCounts } from "./load-groups";

// The embedded (PGlite) path of an import into an existing dataset (a merge or an append). Its rows go
// into the real tables in short transactions, each tagged with the load (load_id: the column default,
// set here on the first load, reads the transaction's cm.load_id setting, so triggers' stats deltas
// and search ranges are tagged too). While the load is listed in import_loads, row-level security hides its rows from readers:
// on PGlite every connection shares one session, which runs as READER_ROLE (not a superuser, whom RLS
// would let through) while any load is listed; the load's own transactions switch back to the
// session's superuser for themselves (SET LOCAL ROLE NONE). Publishing deletes the load's row: one
// tiny transaction. See migration 20261207180000_import_loads.

/** Tables whose rows a load tags (deleted in this order when a load is discarded). */
const TAGGED = ["responses", "prompt_texts", "prompt_groups", "response_search_pending", "response_stats", "group_stats"];
const DELETE_BATCH = 5_000;

function gone(): AppError {
  return new AppError(
    "CONFLICT",
    "The import into this dataset was removed meanwhile (it stopped writing for too long); nothing was imported.",
  );
}

/** Runs as the session's superuser, seeing every load's rows; tags what it inserts with `loadId` (if given). */
async function asLoader(tx: PoolClient, loadId: number | null): Promise<void> {
  await tx.query("SET LOCAL ROLE NONE");
  if (loadId !== null) await tx.query(sql`SELECT set_config('cm.load_id', ${String(loadId)}, true)`);
}

/** After the last load is gone, the session runs as its superuser again (RLS off, no cost to readers). */
async function readersSeeAllIfNoLoad(tx: PoolClient): Promise<void> {
  const left = await queryMaybeOne(tx, sql`SELECT id FROM import_loads LIMIT 1`, z.object({ id: z.number() }));
  if (left === null) await tx.query("SET ROLE NONE");
}

/**
 * Lists a new load into `datasetId` and makes the session's readers subject to RLS from now on.
 * Refuses (CONFLICT) while another load writes into the same dataset.
 */
export async function startLoad(db: Pick<Database, "pool">, datasetId: number, slug: string): Promise<number> {
  return withTransaction(db, async (tx) => {
    await asLoader(tx, null);
    const created = await queryMaybeOne(
      tx,
      sql`INSERT INTO import_loads (dataset_id) VALUES (${datasetId}) ON CONFLICT (dataset_id) DO NOTHING RETURNING id`,
      z.object({ id: z.number() }),
    );
    if (created === null) throw stillLoading(slug);
    await tx.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${READER_ROLE}') THEN CREATE ROLE ${READER_ROLE} NOLOGIN; END IF;
    END $$`);
    // Everything the app does as the superuser it may do meanwhile: the job queue's schema and tables too.
    await tx.query(`DO $$ DECLARE s text; BEGIN
      EXECUTE format('GRANT CREATE ON DATABASE %I TO ${READER_ROLE}', current_database());
      FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
        EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO ${READER_ROLE}', s);
        EXECUTE format('GRANT ALL ON ALL TABLES IN SCHEMA %I TO ${READER_ROLE}', s);
        EXECUTE format('GRANT ALL ON ALL SEQUENCES IN SCHEMA %I TO ${READER_ROLE}', s);
        EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO ${READER_ROLE}', s);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT ALL ON TABLES TO ${READER_ROLE}', s);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT ALL ON SEQUENCES TO ${READER_ROLE}', s);
      END LOOP;
    END $$`);
    for (const table of TAGGED) {
      await tx.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, ALTER COLUMN load_id SET DEFAULT current_load()`);
    }
    // Session level: outlives this transaction, for every connection of the shared session.
    await tx.query(`SET ROLE ${READER_ROLE}`);
    return created.id;
  });
}

/** Runs one batch's writes in a transaction of their own, tagged with the load, and beats its heartbeat. */
export async function writeInLoad<T>(db: Pick<Database, "pool">, loadId: number, fn: (tx: PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(db, async (tx) => {
    await asLoader(tx, loadId);
    const result = await fn(tx);
    if ((await execute(tx, sql`UPDATE import_loads SET updated_at = now() WHERE id = ${loadId}`)) !== 1) throw gone();
    return result;
  });
}

/** Removes what the load wrote into the groups with these external ids (refused late); returns what was removed. */
export async function removeLoadGroups(
  db: Pick<Database, "pool">,
  loadId: number,
  datasetId: number,
  externalIds: string[],
): Promise<LoadCounts> {
  const removed: LoadCounts = { groups: 0, prompts: 0, responses: 0, duplicates: 0 };
  for (let i = 0; i < externalIds.length; i += 500) {
    const ids = externalIds.slice(i, i + 500);
    await writeInLoad(db, loadId, async (tx) => {
      const groups = sql`SELECT id FROM prompt_groups WHERE dataset_id = ${datasetId} AND external_id = ANY(${ids}::text[])`;
      removed.responses += await execute(tx, sql`DELETE FROM responses WHERE load_id = ${loadId} AND group_id IN (${groups})`);
      removed.prompts += await execute(tx, sql`DELETE FROM prompt_texts WHERE load_id = ${loadId} AND group_id IN (${groups})`);
      await execute(tx, sql`DELETE FROM import_load_golds WHERE load_id = ${loadId} AND group_id IN (${groups})`);
      removed.groups += await execute(
        tx,
        sql`DELETE FROM prompt_groups WHERE load_id = ${loadId} AND dataset_id = ${datasetId} AND external_id = ANY(${ids}::text[])`,
      );
    });
  }
  return removed;
}

/**
 * Makes the load's rows visible at once: applies the golds it gave visible groups, adds its prompt
 * languages to the dataset's, and unlists the load. One short transaction (timed by the
 * embedded-import benchmark's --append).
 */
export async function publishLoad(db: Pick<Database, "pool">, loadId: number, datasetId: number): Promise<void> {
  await withTransaction(db, async (tx) => {
    await asLoader(tx, null);
    await execute(
      tx,
      sql`UPDATE prompt_groups g SET gold = p.gold FROM import_load_golds p WHERE p.load_id = ${loadId} AND g.id = p.group_id AND g.gold IS NULL`,
    );
    // The dataset's distinct prompt languages by a skip scan of prompt_texts_dataset_language_idx (a few probes, not a scan).
    await execute(
      tx,
      sql`WITH RECURSIVE l(language) AS (
            SELECT min(language) FROM prompt_texts WHERE dataset_id = ${datasetId}
            UNION ALL
            SELECT (SELECT min(p.language) FROM prompt_texts p WHERE p.dataset_id = ${datasetId} AND p.language > l.language) FROM l
            WHERE l.language IS NOT NULL)
          UPDATE datasets SET languages = coalesce((SELECT array_agg(DISTINCT x ORDER BY x) FROM (
            SELECT unnest(languages) FROM datasets WHERE id = ${datasetId} UNION SELECT language FROM l WHERE language IS NOT NULL) s(x)), '{}'),
          updated_at = now() WHERE id = ${datasetId}`,
    );
    if ((await execute(tx, sql`DELETE FROM import_loads WHERE id = ${loadId}`)) !== 1) throw gone();
    await readersSeeAllIfNoLoad(tx);
  });
}

/**
 * Removes everything a load wrote, in short transactions, then unlists it (its rows would otherwise
 * become visible). The dataset is left exactly as before the load.
 */
export async function discardLoad(db: Pick<Database, "pool">, loadId: number): Promise<void> {
  for (const table of TAGGED) {
    for (;;) {
      const deleted = await withTransaction(db, async (tx) => {
        await asLoader(tx, loadId);
        return execute(
          tx,
          sql`DELETE FROM ${raw(table)} WHERE id IN (SELECT id FROM ${raw(table)} WHERE load_id = ${loadId} LIMIT ${DELETE_BATCH})`,
        );
      });
      if (deleted < DELETE_BATCH) break;
    }
  }
  await withTransaction(db, async (tx) => {
    await asLoader(tx, null);
    await execute(tx, sql`DELETE FROM import_loads WHERE id = ${loadId}`);
    await readersSeeAllIfNoLoad(tx);
  });
}

/** Discards the loads whose import stopped writing (the job engine's heartbeat lapse; never a pid). */
export async function sweepAbandonedImportLoads(db: Pick<Database, "pool">, lapseMs = heartbeatLapseMs()): Promise<number> {
  const abandoned = await queryRows(
    db.pool,
    sql`SELECT id FROM import_loads WHERE updated_at < now() - make_interval(secs => ${lapseMs}::float8 / 1000)`,
    z.object({ id: z.number() }),
  );
  for (const { id } of abandoned) await discardLoad(db, id);
  return abandoned.length;
}
