import type { PoolClient } from "pg";

/** Above this many pairs the bench builders load with the tables' secondary indexes dropped and rebuilt. */
export const BULK_LOAD_PAIRS = 2_000_000;

/**
 * Runs `load` inside the caller's transaction with the secondary indexes of `tables` dropped, then
 * creates them again from their own definitions (pg_get_indexdef), so the tables end with exactly the
 * indexes the migrations made. Indexes that back a constraint (primary keys) stay. One sorted index
 * build is far cheaper than 10M+ row-by-row inserts into b-trees and trigram GIN indexes (at 10M pairs
 * the row-by-row build of the prompt texts' trigram index alone ran at ~6,000 rows/s on a loaded
 * 2-core machine). The tables are locked for the whole transaction: benchmark databases only.
 */
export async function withIndexesRebuilt<T>(
  client: PoolClient,
  tables: readonly string[],
  load: () => Promise<T>,
  say: (line: string) => void,
): Promise<T> {
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [tables],
  );
  // The foreign-key checks run once per inserted row (a lookup and a row lock on the referenced row):
  // the builders insert only ids they just read from the referenced tables, so they are skipped.
  const { rows: checks } = await client.query<{ table: string; name: string }>(
    `SELECT t.tgrelid::regclass::text AS table, t.tgname AS name FROM pg_trigger t
     WHERE t.tgrelid = ANY($1::regclass[]) AND t.tgisinternal AND t.tgfoid IN ('"RI_FKey_check_ins"'::regproc, '"RI_FKey_check_upd"'::regproc)`,
    [tables],
  );
  for (const c of checks) await client.query(`ALTER TABLE ${c.table} DISABLE TRIGGER "${c.name}"`);
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);
  const result = await load();
  for (const c of checks) await client.query(`ALTER TABLE ${c.table} ENABLE TRIGGER "${c.name}"`);
  await client.query("SET LOCAL maintenance_work_mem = '1GB'");
  for (const ix of indexes) {
    const started = Date.now();
    await client.query(ix.def);
    say(`  index ${ix.name} rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return result;
}
