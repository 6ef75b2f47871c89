import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { execute, join, queryOne, queryTrusted, raw, sql } from "@/lib/db/sql";
import { LEDGERS, compactSql, type LedgerName } from "./ledgers";

/** Rows beyond one per key that a ledger may carry before a read folds it. */
export const COMPACT_SLACK = 512;

const NAMES = Object.keys(LEDGERS) as LedgerName[];

// Per process: a ledger's row count when it was last known to hold one row per key. Comparing the
// current count with it is one cheap count(*); the key count itself is measured once per process.
const settled = new Map<string, number>();
const slot = (name: LedgerName, datasetId: number) => `${name}:${datasetId}`;

/**
 * Folds a dataset's ledger rows into one per key. One DELETE … RETURNING feeding one INSERT, so it is
 * atomic and safe next to writers (their new rows are not in its snapshot) and next to another
 * compaction (a row is deleted, and its count re-inserted, by exactly one of them).
 */
export async function compactLedger(db: Database, name: LedgerName, datasetId: number): Promise<void> {
  settled.set(slot(name, datasetId), await execute(db.pool, compactSql(LEDGERS[name], datasetId)));
}

async function keyCount(db: Database, name: LedgerName, datasetId: number): Promise<number> {
  const l = LEDGERS[name];
  const keys = l.keys.length ? `count(DISTINCT (${l.keys.join(", ")}, 0))` : "least(count(*), 1)";
  const row = await queryOne(
    db.pool,
    sql`SELECT ${raw(keys)}::int AS n FROM ${raw(l.table)} WHERE dataset_id = ${datasetId}`,
    z.object({ n: z.number() }),
  );
  return row.n;
}

/** Compacts the dataset's ledgers that have grown more than COMPACT_SLACK rows past one row per key. */
export async function compactFragmented(db: Database, datasetId: number): Promise<LedgerName[]> {
  const rows = await queryTrusted<{ name: LedgerName; rows: number }>(
    db.pool,
    join(
      NAMES.map(
        (name) =>
          sql`SELECT ${raw(`'${name}'`)} AS name, count(*)::int AS rows FROM ${raw(LEDGERS[name].table)} WHERE dataset_id = ${datasetId}`,
      ),
      " UNION ALL ",
    ),
  );
  const due: LedgerName[] = [];
  for (const r of rows) {
    if (r.rows <= COMPACT_SLACK) continue;
    const key = slot(r.name, datasetId);
    const base = settled.get(key) ?? (await keyCount(db, r.name, datasetId));
    settled.set(key, base);
    if (r.rows - base > COMPACT_SLACK) due.push(r.name);
  }
  for (const name of due) await compactLedger(db, name, datasetId);
  return due;
}

/** Datasets with some ledger past COMPACT_SLACK rows (candidates for compactFragmented). */
async function crowdedDatasets(db: Database): Promise<number[]> {
  const rows = await queryTrusted<{ dataset_id: number }>(
    db.pool,
    join(
      NAMES.map(
        (name) =>
          sql`SELECT dataset_id FROM ${raw(LEDGERS[name].table)} GROUP BY dataset_id HAVING count(*) > ${raw(String(COMPACT_SLACK))}`,
      ),
      " UNION ",
    ),
  );
  return rows.map((r) => r.dataset_id);
}

/** One pass of the worker's ledger upkeep: compacts whatever has fragmented. Returns the ledgers folded. */
export async function compactAllFragmented(db: Database): Promise<number> {
  let folded = 0;
  for (const datasetId of await crowdedDatasets(db)) folded += (await compactFragmented(db, datasetId)).length;
  return folded;
}
