import { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { PoolClient } from "pg";
import { queryMaybeOne, queryOne, queryRows, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { consensusOf, type Consensus, type MethodLabel, methodLabel, type Preference, settlePair } from "@/lib/pipeline/consensus";
import { autoProposalOf } from "@/lib/effective-pair/auto-proposal";
import { applyDecision } from "@/lib/pairs/decide";
import { LEASE_EXPIRED_MESSAGE } from "./leases";
import { type EarlierVote, recordVoteInLedgers } from "./review-ledgers";
import { getReviewPlan } from "./review-plan";
import { type TVote, ZVote } from "./schemas";

const ZLease = z.object({
  pairId: z.number(),
  userId: z.number(),
  live: z.boolean(),
  seconds: z.number(),
  firstShownId: z.number().nullable(),
});
const ZPair = z.object({ datasetId: z.number(), language: z.string(), chosenId: z.number().nullable(), rejectedId: z.number().nullable() });
const ZEarlier = z.object({
  userId: z.number().nullable(),
  label: z.enum(["agree", "disagree", "tie", "both_bad"]),
  verdict: z.string(),
  preferredId: z.number().nullable(),
});

export type VoteOutcome = { voteId: number; consensus: Consensus; votes: number };

const preferenceKey = (verdict: string, preferredId: number | null) => (verdict === "response" ? `response:${preferredId}` : verdict);
/** A stored vote or verdict (verdict + preferred response) as the preference it expresses. */
export const toPreference = (verdict: string, preferredId: number | null): Preference =>
  verdict === "response" ? preferredId! : (verdict as "tie" | "both_bad");

const ZCurrent = z.object({ version: z.number(), status: z.string(), chosenId: z.number().nullable(), rejectedId: z.number().nullable() });

/**
 * The pair's vote count and consensus after its votes and latest adjudication, written on the pair;
 * when they settle it, the effective pair follows (a decision appended by `settledBy`, null = the
 * votes themselves): the preferred response chosen, the other rejected; tie or both_bad reject it.
 */
export async function refreshConsensus(
  tx: PoolClient,
  datasetId: number,
  pairId: number,
  votesPerPair: number,
  settledBy: { userId: number | null; reason: string } | null = null,
): Promise<{ consensus: Consensus; votes: number }> {
  const votes = await queryRows(
    tx,
    sql`SELECT verdict, preferred_id AS "preferredId" FROM review_votes WHERE pair_id = ${pairId} ORDER BY id`,
    ZEarlier.pick({ verdict: true, preferredId: true }),
  );
  const adjudication = await queryMaybeOne(
    tx,
    sql`SELECT verdict, preferred_id AS "preferredId" FROM review_adjudications WHERE pair_id = ${pairId} ORDER BY id DESC LIMIT 1`,
    ZEarlier.pick({ verdict: true, preferredId: true }),
  );
  const result = consensusOf(
    votes.map((v) => toPreference(v.verdict, v.preferredId)),
    votesPerPair,
    adjudication ? toPreference(adjudication.verdict, adjudication.preferredId) : null,
  );
  await tx.query(sql`UPDATE pairs SET votes = ${votes.length}, consensus = ${result.consensus} WHERE id = ${pairId}`);
  const now = await queryOne(
    tx,
    sql`SELECT version, status::text AS status, chosen_id AS "chosenId", rejected_id AS "rejectedId" FROM pairs WHERE id = ${pairId}`,
    ZCurrent,
  );
  if (now.chosenId !== null && now.rejectedId !== null) {
    const settled = settlePair({ chosenId: now.chosenId, rejectedId: now.rejectedId }, result);
    const changes = settled && (settled.status !== now.status || settled.chosenId !== now.chosenId);
    if (settled && changes) {
      const action = settled.status === "rejected" ? "reject" : settled.chosenId === now.chosenId ? "accept" : "swap";
      const reason = settledBy?.reason ?? `consensus: ${result.consensus} of ${votes.length} vote${votes.length === 1 ? "" : "s"}`;
      await applyDecision(tx, datasetId, { pairId, expectedVersion: now.version, reason, decision: { action } }, settledBy?.userId ?? null);
    }
  }
  return { consensus: result.consensus, votes: votes.length };
}

/**
 * Records the caller's vote on the pair their lease holds, ends the lease, and updates the pair's
 * consensus and the review ledgers, atomically. CONFLICT when the lease expired, was taken over or is
 * not the caller's; BAD_INPUT when the preferred response is not one of the pair's two.
 */
export async function castVote(db: Pick<Database, "pool">, pairId: number, userId: number, input: TVote): Promise<VoteOutcome> {
  const vote = ZVote.parse(input);
  return withTransaction(db, async (tx) => {
    // The pair first, then its lease: a claim locks a pair and then its lease row, so the same order avoids deadlocks.
    const pair = await queryMaybeOne(
      tx,
      sql`SELECT dataset_id AS "datasetId", language, chosen_id AS "chosenId", rejected_id AS "rejectedId" FROM pairs WHERE id = ${pairId} FOR UPDATE`,
      ZPair,
    );
    if (!pair) throw new AppError("NOT_FOUND", `No pair ${pairId}.`);
    const lease = await queryMaybeOne(
      tx,
      sql`SELECT pair_id AS "pairId", user_id AS "userId", expires_at > LOCALTIMESTAMP AS live,
                 extract(epoch FROM LOCALTIMESTAMP - created_at)::float8 AS seconds, first_shown_id AS "firstShownId"
          FROM review_leases WHERE id = ${vote.leaseId} FOR UPDATE`,
      ZLease,
    );
    if (!lease || lease.userId !== userId || lease.pairId !== pairId || !lease.live) throw new AppError("CONFLICT", LEASE_EXPIRED_MESSAGE);
    const preferred = vote.preferred;
    if (typeof preferred === "number" && preferred !== pair.chosenId && preferred !== pair.rejectedId) {
      throw new AppError("BAD_INPUT", `preferred: response ${preferred} is not one of this pair's two responses`);
    }
    const method = await autoProposalOf(tx, pairId);
    const methodChosen = method.chosenId ?? pair.chosenId;
    const label: MethodLabel = methodLabel(preferred, methodChosen);
    const verdict = typeof preferred === "number" ? "response" : preferred;
    const preferredId = typeof preferred === "number" ? preferred : null;
    const plan = await getReviewPlan(tx, pair.datasetId);
    const earlier = await queryRows(
      tx,
      sql`SELECT user_id AS "userId", method_label AS label, verdict, preferred_id AS "preferredId" FROM review_votes WHERE pair_id = ${pairId}`,
      ZEarlier,
    );
    const inserted = await queryMaybeOne(
      tx,
      sql`INSERT INTO review_votes (dataset_id, pair_id, user_id, language, verdict, preferred_id, method_label, method_chosen_id,
                                    method_margin, reason, seconds, blind, first_shown_id)
          VALUES (${pair.datasetId}, ${pairId}, ${userId}, ${pair.language}, ${verdict}, ${preferredId}, ${label}, ${methodChosen},
                  ${method.margin}, ${vote.reason ?? null}, ${lease.seconds}, ${plan.blind}, ${lease.firstShownId})
          ON CONFLICT (pair_id, user_id) DO NOTHING
          RETURNING id`,
      z.object({ id: z.number() }),
    );
    if (!inserted) throw new AppError("CONFLICT", "You have already voted on this pair.");
    await tx.query(sql`DELETE FROM review_leases WHERE id = ${vote.leaseId}`);
    await recordVoteInLedgers(
      tx,
      {
        datasetId: pair.datasetId,
        language: pair.language,
        userId,
        label,
        preference: preferenceKey(verdict, preferredId),
        methodMargin: method.margin,
        seconds: lease.seconds,
        blind: plan.blind,
        preferredFirstShown: preferredId !== null && preferredId === lease.firstShownId,
      },
      earlier.map((e): EarlierVote => ({ userId: e.userId, label: e.label, preference: preferenceKey(e.verdict, e.preferredId) })),
    );
    const settled = await refreshConsensus(tx, pair.datasetId, pairId, plan.votesPerPair);
    return { voteId: inserted.id, ...settled };
  });
}
