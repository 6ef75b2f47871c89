import { join, raw, sql, type Sql } from "./sql";

/** A column of an `unnest` insert: its Postgres type and its value in a row. */
export type UnnestColumn<R> = readonly [type: string, value: (row: R) => unknown];

/** `unnest($1::type[], …)` over `rows`: one bound array per column, in the order of the INSERT's column list. */
export function unnest<R>(rows: readonly R[], columns: readonly UnnestColumn<R>[]): Sql {
  return sql`unnest(${join(columns.map(([type, value]) => sql`${rows.map(value)}::${raw(type)}[]`))})`;
}
