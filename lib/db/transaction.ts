import type { PoolClient } from "pg";
import type { Database } from "./client";

export type TransactionOptions = {
  isolation?: "read committed" | "repeatable read" | "serializable";
  readOnly?: boolean;
};

function beginStatement(opts: TransactionOptions): string {
  const parts = ["BEGIN"];
  if (opts.isolation) parts.push(`ISOLATION LEVEL ${opts.isolation.toUpperCase()}`);
  if (opts.readOnly) parts.push("READ ONLY");
  return parts.join(" ");
}

/**
 * Runs `fn` in one transaction on a connection of its own: commits when it resolves, rolls back
 * when it throws (and rethrows). A connection whose rollback failed is discarded, not reused.
 */
export async function withTransaction<T>(
  db: Pick<Database, "pool">,
  fn: (tx: PoolClient) => Promise<T>,
  opts: TransactionOptions = {},
): Promise<T> {
  const client = await db.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(beginStatement(opts));
    const result = await fn(client);
    // COMMIT of a transaction that failed inside `fn` (an error caught there) rolls back silently.
    const committed = await client.query("COMMIT");
    if (committed.command === "ROLLBACK") throw new Error("the transaction failed and was rolled back");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
