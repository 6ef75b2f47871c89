import { raw, type Sql, sql } from "@/lib/db/sql";

/**
 * A run's number in its dataset (1 = the dataset's first run, of any kind), the one people read; the
 * id is global (URLs, CLI, API). Runs are never deleted once visible, so a number never changes.
 * `alias` names a row of pipeline_runs in the surrounding query.
 */
export function runNumberSql(alias: string): Sql {
  const r = raw(alias);
  return sql`(SELECT count(*) FROM pipeline_runs x WHERE x.dataset_id = ${r}.dataset_id AND x.id <= ${r}.id)::int`;
}
