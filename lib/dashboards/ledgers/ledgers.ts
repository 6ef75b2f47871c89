import type { Database } from "@/lib/db/client";
import { queryTrusted, raw, type Sql, sql } from "@/lib/db/sql";

/**
 * The summary ledgers (prisma/migrations/20261129120100_summary_stats): the triggers append signed
 * counts per key; a key's figure is the sum of its rows. `base` is the same figure as a plain
 * GROUP BY over the table the triggers watch, which the tests hold the ledgers to.
 */
export type Ledger = { table: string; keys: string[]; values: string[]; base: (datasetId: number) => Sql };

const OFF_TARGET = sql`(detected_language IS NOT NULL AND detected_language <> split_part(language, '-', 1))`;

export const LEDGERS = {
  pairs: {
    table: "pair_stats",
    keys: ["language", "status", "origin", "conflict", "off_target", "flagged", "margin_bucket", "chosen_bucket", "rejected_bucket"],
    values: ["n"],
    base: (datasetId) => sql`SELECT language, status, origin, conflict, off_target, flagged, stats_unit_bucket(margin) AS margin_bucket,
                  stats_unit_bucket(score_chosen) AS chosen_bucket, stats_unit_bucket(score_rejected) AS rejected_bucket, count(*)::int AS n
           FROM pairs WHERE dataset_id = ${datasetId} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  },
  responses: {
    table: "response_stats",
    keys: ["language", "char_length"],
    values: ["n", "off_target"],
    base: (datasetId) => sql`SELECT language, char_length, count(*)::int AS n, count(*) FILTER (WHERE ${OFF_TARGET})::int AS off_target
           FROM responses WHERE dataset_id = ${datasetId} GROUP BY 1, 2`,
  },
  groups: {
    table: "group_stats",
    keys: [],
    values: ["groups", "with_gold"],
    base: (datasetId) =>
      sql`SELECT count(*)::int AS groups, count(gold)::int AS with_gold FROM prompt_groups WHERE dataset_id = ${datasetId} HAVING count(*) > 0`,
  },
  references: {
    table: "reference_stats",
    keys: ["run_id", "cons_bucket"],
    values: ["n"],
    base: (datasetId) =>
      sql`SELECT run_id, stats_unit_bucket(cons) AS cons_bucket, count(*)::int AS n FROM run_references WHERE dataset_id = ${datasetId} GROUP BY 1, 2`,
  },
} as const satisfies Record<string, Ledger>;

export type LedgerName = keyof typeof LEDGERS;

const sums = (l: Ledger) => l.values.map((v) => `sum(${v})::int AS ${v}`).join(", ");
const nonZero = (l: Ledger) => l.values.map((v) => `sum(${v}) <> 0`).join(" OR ");
const groupBy = (cols: string[]) => (cols.length ? `GROUP BY ${cols.join(", ")}` : "");

/** The ledger's figures for one dataset, one row per key with a non-zero figure. */
export function ledgerTotalsSql(l: Ledger, datasetId: number): Sql {
  const keys = l.keys.map((k) => `${k}, `).join("");
  return sql`SELECT ${raw(keys + sums(l))} FROM ${raw(l.table)} WHERE dataset_id = ${datasetId} ${raw(groupBy(l.keys))} HAVING ${raw(nonZero(l))}`;
}

/** Folds one dataset's rows into one per key, dropping keys that sum to zero. */
export function compactSql(l: Ledger, datasetId: number): Sql {
  const cols = ["dataset_id", ...l.keys];
  const table = raw(l.table);
  return sql`WITH gone AS (DELETE FROM ${table} WHERE dataset_id = ${datasetId} RETURNING *)
    INSERT INTO ${table} (${raw([...cols, ...l.values].join(", "))})
    SELECT ${raw(cols.join(", "))}, ${raw(l.values.map((v) => `sum(${v})`).join(", "))} FROM gone ${raw(groupBy(cols))} HAVING ${raw(nonZero(l))}`;
}

export async function ledgerTotals(db: Database, name: LedgerName, datasetId: number): Promise<Record<string, unknown>[]> {
  return queryTrusted<Record<string, unknown>>(db.pool, ledgerTotalsSql(LEDGERS[name], datasetId));
}

/** The same figures computed from the base table (what the ledger must always equal). */
export async function baseTotals(db: Database, name: LedgerName, datasetId: number): Promise<Record<string, unknown>[]> {
  return queryTrusted<Record<string, unknown>>(db.pool, LEDGERS[name].base(datasetId));
}
