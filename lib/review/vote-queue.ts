import type { Database } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { castVote, type VoteOutcome } from "./cast-vote";
import { claimNextPair, type LeasedPair } from "./claim-next-pair";
import { heartbeatLease } from "./leases";
import { reviewerOf } from "./reviewer";
import type { TVote } from "./schemas";

/**
 * The browser's vote queue: what a claim, a vote or a heartbeat gives the page. The lease's time left
 * is measured on the server (`expiresInMs`), so the countdown does not depend on the browser's clock.
 */
export type QueuedPair = Omit<LeasedPair, "lease"> & { lease: { id: number; expiresInMs: number } };
export type Expired = { expired: string };

const toQueued = ({ lease, ...rest }: LeasedPair): QueuedPair => ({
  ...rest,
  lease: { id: lease.id, expiresInMs: lease.expiresAt.getTime() - Date.now() },
});

/** CONFLICT (the lease expired, was taken over or is not the caller's) becomes a value the page shows. */
async function orExpired<T>(call: () => Promise<T>): Promise<T | Expired> {
  try {
    return await call();
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") return { expired: e.message };
    throw e;
  }
}

/**
 * Leases the user their next pair in their review languages, or in `lang` when it is one of them;
 * `passOver` are pairs they skipped in this sitting. null = nothing left for them.
 */
export async function claimNextForUser(
  db: Database,
  datasetId: number,
  userId: number,
  lang: string | null,
  passOver: readonly number[] = [],
): Promise<QueuedPair | null> {
  const leased = await claimNextPair(db, datasetId, await reviewerOf(db.pool, userId), lang, passOver);
  return leased && toQueued(leased);
}

export function voteOrExpired(db: Database, pairId: number, userId: number, vote: TVote): Promise<VoteOutcome | Expired> {
  return orExpired(() => castVote(db, pairId, userId, vote));
}

export function heartbeatOrExpired(db: Database, leaseId: number, userId: number): Promise<{ expiresInMs: number } | Expired> {
  return orExpired(async () => {
    const { expiresAt } = await heartbeatLease(db.pool, leaseId, userId);
    return { expiresInMs: expiresAt.getTime() - Date.now() };
  });
}
