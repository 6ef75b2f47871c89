import type { PoolClient } from "pg";
import type { Database } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";

/** Above this many pairs the bench builders load with the tables' secondary indexes dropped and rebuilt. */
export const BULK_LOAD_PAIRS = 2_000_000;

/** Index builds run side by side, one per core of a 2-core machine; each gets this much sort memory. */
const INDEX_BUILDERS = 2;
const INDEX_BUILD_MEMORY = "2GB";

type Build = {
  tables: readonly string[];
  /** Drop the secondary indexes of `tables` for the load and rebuild them after it. */
  bulk: boolean;
  load: (tx: PoolClient) => Promise<number>;
  say: (line: string) => void;
};

/**
 * Builds a bench dataset in a way an interrupted 10M build can resume: the load is one transaction
 * (an interruption rolls it back and the next call starts it again), and with `bulk` it commits with
 * the secondary indexes of `tables` dropped and their definitions (pg_get_indexdef) written to
 * `bench_pending_indexes`; each index is then rebuilt in a transaction of its own that also deletes
 * its row, so a later call (of any builder) finishes exactly the ones left. Indexes that back a
 * constraint (primary keys, unique constraints) stay; plain unique indexes are rebuilt. A sorted build is far cheaper than 10M+ row-by-row
 * inserts into b-trees and trigram GIN indexes. Benchmark databases only: other datasets in the same
 * database are without those indexes until the rebuild ends. Callers finish pending rebuilds
 * (rebuildPendingIndexes) before they check for an existing dataset, so none is reused half-indexed.
 */
export async function buildBenchDataset(db: Database, build: Build): Promise<number> {
  const datasetId = await withTransaction(db, async (tx) => {
    await tx.query("SET LOCAL synchronous_commit = off");
    return build.bulk ? withIndexesDropped(tx, build.tables, () => build.load(tx)) : build.load(tx);
  });
  await rebuildPendingIndexes(db, build.say);
  return datasetId;
}

async function pendingTable(db: Pick<PoolClient, "query">): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS bench_pending_indexes (name text PRIMARY KEY, def text NOT NULL)`);
}

async function withIndexesDropped<T>(tx: PoolClient, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  await pendingTable(tx);
  const { rows: indexes } = await tx.query<{ name: string; def: string }>(
    `INSERT INTO bench_pending_indexes (name, def)
     SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     RETURNING name, def`,
    [tables],
  );
  // The foreign-key checks run once per inserted row (a lookup and a row lock on the referenced row):
  // the builders insert only ids they just read from the referenced tables, so they are skipped.
  const { rows: checks } = await tx.query<{ table: string; name: string }>(
    `SELECT t.tgrelid::regclass::text AS table, t.tgname AS name FROM pg_trigger t
     WHERE t.tgrelid = ANY($1::regclass[]) AND t.tgisinternal AND t.tgfoid IN ('"RI_FKey_check_ins"'::regproc, '"RI_FKey_check_upd"'::regproc)`,
    [tables],
  );
  for (const c of checks) await tx.query(`ALTER TABLE ${c.table} DISABLE TRIGGER "${c.name}"`);
  for (const ix of indexes) await tx.query(`DROP INDEX ${ix.name}`);
  const result = await load();
  for (const c of checks) await tx.query(`ALTER TABLE ${c.table} ENABLE TRIGGER "${c.name}"`);
  return result;
}

/** Creates every index left in bench_pending_indexes, INDEX_BUILDERS at a time, each committed with its row's delete. */
export async function rebuildPendingIndexes(db: Database, say: (line: string) => void): Promise<void> {
  await pendingTable(db.pool);
  const { rows: pending } = await db.pool.query<{ name: string; def: string }>(
    `SELECT name, def FROM bench_pending_indexes ORDER BY def LIKE '% USING gin %' DESC, name`,
  );
  if (pending.length === 0) return;
  say(`  rebuilding ${pending.length} indexes, ${INDEX_BUILDERS} at a time`);
  const next = () => pending.shift();
  const builder = async () => {
    for (let ix = next(); ix; ix = next()) {
      const started = Date.now();
      await withTransaction(db, async (tx) => {
        await tx.query(`SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
        await tx.query(ix.def);
        await tx.query(`DELETE FROM bench_pending_indexes WHERE name = $1`, [ix.name]);
      });
      say(`  index ${ix.name} rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  await Promise.all(Array.from({ length: INDEX_BUILDERS }, builder));
}
