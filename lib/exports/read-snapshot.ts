import type { PoolClient } from "pg";
import type { Database } from "@/lib/db/client";

/**
 * Runs `read` in one REPEATABLE READ, read-only transaction: every query sees the database as of its
 * first statement, so the rows, their count and the last decision id agree even while reviews go on.
 * On the embedded database other connections wait until it ends, so `read` must not use the pool.
 */
export async function withReadSnapshot<T>(db: Database, read: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Compiling the long streaming query costs more than it saves on a cursor read batch by batch.
    await client.query("SET LOCAL jit = off");
    const result = await read(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
