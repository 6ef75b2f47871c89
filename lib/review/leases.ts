import { z } from "zod";
import { execute, queryMaybeOne, type Queryable, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";

const EXPIRED = "This lease has expired or is not yours; take the next pair.";

/** Extends the caller's unexpired lease by the plan's lease minutes from now. */
export async function heartbeatLease(db: Queryable, leaseId: number, userId: number): Promise<{ id: number; expiresAt: Date }> {
  const row = await queryMaybeOne(
    db,
    sql`UPDATE review_leases l SET heartbeat_at = LOCALTIMESTAMP,
               expires_at = LOCALTIMESTAMP + make_interval(mins => coalesce(
                 (SELECT rp.lease_minutes FROM review_plans rp WHERE rp.dataset_id = l.dataset_id), 10))
        WHERE l.id = ${leaseId} AND l.user_id = ${userId} AND l.expires_at > LOCALTIMESTAMP
        RETURNING l.id, l.expires_at AS "expiresAt"`,
    z.object({ id: z.number(), expiresAt: z.date() }),
  );
  if (!row) throw new AppError("CONFLICT", EXPIRED);
  return row;
}

/** Gives the pair back to the queue; releasing a lease that already ended is not an error. */
export async function releaseLease(db: Queryable, leaseId: number, userId: number): Promise<void> {
  await execute(db, sql`DELETE FROM review_leases WHERE id = ${leaseId} AND user_id = ${userId}`);
}

export const LEASE_EXPIRED_MESSAGE = EXPIRED;
