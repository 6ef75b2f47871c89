import type { PoolClient } from "pg";
import type { Database } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";

/**
 * Runs `read` in one REPEATABLE READ, read-only transaction: every query sees the database as of its
 * first statement, so the rows, their count and the last decision id agree even while reviews go on.
 * On the embedded database other connections wait until it ends, so `read` must not use the pool.
 */
export async function withReadSnapshot<T>(db: Database, read: (client: PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(
    db,
    async (tx) => {
      // Compiling the long streaming query costs more than it saves on a cursor read batch by batch.
      await tx.query("SET LOCAL jit = off");
      return read(tx);
    },
    { isolation: "repeatable read", readOnly: true },
  );
}
