import { sql, type Sql } from "@/lib/db/sql";

/**
 * The one `FOR UPDATE SKIP LOCKED` of the codebase: the first row of `select` (in its ORDER BY) that
 * no other transaction holds, locked until the caller's transaction (or statement) ends. Concurrent
 * claimers each get a different row, and nobody waits on a row another claimer holds.
 */
export function firstUnlocked(select: Sql): Sql {
  return sql`${select} LIMIT 1 FOR UPDATE SKIP LOCKED`;
}
