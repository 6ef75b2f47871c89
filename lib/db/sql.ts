import type { PoolClient, QueryResultRow } from "pg";
import sql, { empty, join, raw, Sql } from "sql-template-tag";
import type { z } from "zod";

// The one way to write SQL below the entry layer: a `sql` tagged template whose `${value}`s become
// bind parameters in the order they are written (no `$13, $1, $14`), nested `sql` fragments compose,
// and rows are decoded at the query's edge.

export { empty, join, raw, sql, Sql };

/** Anything that runs a query: the pool, or the client of a transaction (see withTransaction). */
export type Queryable = Pick<PoolClient, "query">;

/** Runs a statement; returns how many rows it touched. */
export async function execute(db: Queryable, query: Sql): Promise<number> {
  const result = await db.query(query);
  return result.rowCount ?? 0;
}

/** Every row, decoded by `row`; a row that does not match is a bug and throws. */
export async function queryRows<S extends z.ZodType>(db: Queryable, query: Sql, row: S): Promise<z.output<S>[]> {
  const result = await db.query<QueryResultRow>(query);
  return result.rows.map((r) => row.parse(r));
}

/** The first row decoded by `row`, or null when there is none. */
export async function queryMaybeOne<S extends z.ZodType>(db: Queryable, query: Sql, row: S): Promise<z.output<S> | null> {
  const result = await db.query<QueryResultRow>(query);
  return result.rows.length === 0 ? null : row.parse(result.rows[0]);
}

/** The first row decoded by `row`; throws when the query returned none. */
export async function queryOne<S extends z.ZodType>(db: Queryable, query: Sql, row: S): Promise<z.output<S>> {
  const found = await queryMaybeOne(db, query, row);
  if (found === null) throw new Error(`expected a row from: ${query.text.slice(0, 120)}`);
  return found;
}

/**
 * Rows typed but not decoded, for hot paths that read many thousands of rows whose shape the
 * query itself fixes (a zod parse per row would cost more than the query).
 */
export async function queryTrusted<T extends QueryResultRow>(db: Queryable, query: Sql): Promise<T[]> {
  return (await db.query<T>(query)).rows;
}
