import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { queryMaybeOne, queryRows, type Queryable, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { Consensus } from "@/lib/pipeline/consensus";
import { refreshConsensus } from "./cast-vote";
import { getReviewPlan } from "./review-plan";
import { type TAdjudication, ZAdjudication } from "./schemas";

/** Settles a pair by an adjudicator's verdict (recorded as such, append-only). */
export async function adjudicatePair(
  db: Pick<Database, "pool">,
  datasetId: number,
  pairId: number,
  userId: number | null,
  input: TAdjudication,
): Promise<{ adjudicationId: number; consensus: Consensus }> {
  const verdict = ZAdjudication.parse(input);
  return withTransaction(db, async (tx) => {
    const pair = await queryMaybeOne(
      tx,
      sql`SELECT chosen_id AS "chosenId", rejected_id AS "rejectedId" FROM pairs WHERE id = ${pairId} AND dataset_id = ${datasetId} FOR UPDATE`,
      z.object({ chosenId: z.number().nullable(), rejectedId: z.number().nullable() }),
    );
    if (!pair) throw new AppError("NOT_FOUND", `No pair ${pairId} in this dataset.`);
    const p = verdict.preferred;
    if (typeof p === "number" && p !== pair.chosenId && p !== pair.rejectedId) {
      throw new AppError("BAD_INPUT", `preferred: response ${p} is not one of this pair's two responses`);
    }
    const row = await queryMaybeOne(
      tx,
      sql`INSERT INTO review_adjudications (dataset_id, pair_id, user_id, verdict, preferred_id, reason)
          VALUES (${datasetId}, ${pairId}, ${userId}, ${typeof p === "number" ? "response" : p}, ${typeof p === "number" ? p : null}, ${verdict.reason})
          RETURNING id`,
      z.object({ id: z.number() }),
    );
    const plan = await getReviewPlan(tx, datasetId);
    const { consensus } = await refreshConsensus(tx, datasetId, pairId, plan.votesPerPair, {
      userId,
      reason: `adjudicated: ${verdict.reason}`,
    });
    await recordAuditEvent(tx, {
      datasetId,
      userId,
      action: "pair.adjudicate",
      entity: "pair",
      entityId: pairId,
      data: { preferred: p, reason: verdict.reason },
    });
    return { adjudicationId: row!.id, consensus };
  });
}

export type DisputedVote = {
  reviewer: string | null;
  preferred: number | "tie" | "both_bad";
  reason: string | null;
  seconds: number | null;
  createdAt: Date;
};
export type DisputedPair = { pairId: number; lang: string; votes: number; topShare: number; ballots: DisputedVote[] };

const ZDisputed = z.object({
  pairId: z.number(),
  lang: z.string(),
  votes: z.number(),
  topShare: z.number(),
  ballots: z.array(
    z.object({
      reviewer: z.string().nullable(),
      verdict: z.string(),
      preferredId: z.number().nullable(),
      reason: z.string().nullable(),
      seconds: z.number().nullable(),
      createdAt: z.coerce.date(),
    }),
  ),
});

/** Disputed pairs for adjudication, lowest agreement (share of the most common preference) first. */
export async function listDisputedPairs(db: Queryable, datasetId: number, limit = 50): Promise<DisputedPair[]> {
  const rows = await queryRows(
    db,
    sql`SELECT p.id AS "pairId", p.language AS lang, p.votes,
               (SELECT max(n)::float8 / nullif(p.votes, 0) FROM (SELECT count(*) AS n FROM review_votes v WHERE v.pair_id = p.id
                 GROUP BY v.verdict, v.preferred_id) c) AS "topShare",
               (SELECT json_agg(json_build_object('reviewer', u.email, 'verdict', v.verdict, 'preferredId', v.preferred_id,
                                                  'reason', v.reason, 'seconds', v.seconds, 'createdAt', v.created_at) ORDER BY v.id)
                FROM review_votes v LEFT JOIN users u ON u.id = v.user_id WHERE v.pair_id = p.id) AS ballots
        FROM pairs p
        WHERE p.dataset_id = ${datasetId} AND p.consensus = 'disputed'
        ORDER BY "topShare", p.id
        LIMIT ${limit}`,
    ZDisputed,
  );
  return rows.map((r) => ({
    pairId: r.pairId,
    lang: r.lang,
    votes: r.votes,
    topShare: r.topShare,
    ballots: r.ballots.map((b) => ({
      reviewer: b.reviewer,
      preferred: b.verdict === "response" ? b.preferredId! : (b.verdict as "tie" | "both_bad"),
      reason: b.reason,
      seconds: b.seconds,
      createdAt: b.createdAt,
    })),
  }));
}
