import type { Database } from "@/lib/db/client";
import { LEDGERS, compactSql, type LedgerName } from "./ledgers";

/** Rows beyond one per key that a ledger may carry before a read folds it. */
export const COMPACT_SLACK = 512;

/**
 * Folds a dataset's ledger rows into one per key. One DELETE … RETURNING feeding one INSERT, so it is
 * atomic and safe next to writers (their new rows are not in its snapshot) and next to another
 * compaction (a row is deleted, and its count re-inserted, by exactly one of them).
 */
export async function compactLedger(db: Database, name: LedgerName, datasetId: number): Promise<void> {
  await db.pool.query(compactSql(LEDGERS[name]), [datasetId]);
}

/** Compacts the dataset's ledgers that have grown more than COMPACT_SLACK rows past their key count. */
export async function compactFragmented(db: Database, datasetId: number): Promise<LedgerName[]> {
  const names = Object.keys(LEDGERS) as LedgerName[];
  const { rows } = await db.pool.query<{ name: LedgerName; rows: number; keys: number }>(
    names
      .map((name) => {
        const l = LEDGERS[name];
        const key = l.keys.length ? `count(DISTINCT (${l.keys.join(", ")}, 0))` : "least(count(*), 1)";
        return `SELECT '${name}' AS name, count(*)::int AS rows, ${key}::int AS keys FROM ${l.table} WHERE dataset_id = $1`;
      })
      .join(" UNION ALL "),
    [datasetId],
  );
  const due = rows.filter((r) => r.rows - r.keys > COMPACT_SLACK).map((r) => r.name);
  for (const name of due) await compactLedger(db, name, datasetId);
  return due;
}
