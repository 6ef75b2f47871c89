import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { queryMaybeOne, sql } from "@/lib/db/sql";
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
