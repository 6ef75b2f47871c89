import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { queryMaybeOne, type Queryable, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { DEFAULT_PLAN, type ReviewPlan, ZReviewPlan } from "./schemas";

/** The dataset's review plan, or the default plan when none was set. */
export async function getReviewPlan(db: Queryable, datasetId: number): Promise<ReviewPlan> {
  const row = await queryMaybeOne(
    db,
    sql`SELECT votes_per_pair AS "votesPerPair", "order", blind, lease_minutes AS "leaseMinutes"
        FROM review_plans WHERE dataset_id = ${datasetId}`,
    ZReviewPlan,
  );
  return row ?? DEFAULT_PLAN;
}

export async function setReviewPlan(
  db: Pick<Database, "pool">,
  datasetId: number,
  plan: ReviewPlan,
  byUserId: number | null,
): Promise<ReviewPlan> {
  const p = ZReviewPlan.parse(plan);
  return withTransaction(db, async (tx) => {
    await tx.query(
      sql`INSERT INTO review_plans (dataset_id, votes_per_pair, "order", blind, lease_minutes, updated_by_id, updated_at)
          VALUES (${datasetId}, ${p.votesPerPair}, ${p.order}, ${p.blind}, ${p.leaseMinutes}, ${byUserId}, CURRENT_TIMESTAMP)
          ON CONFLICT (dataset_id) DO UPDATE SET votes_per_pair = EXCLUDED.votes_per_pair, "order" = EXCLUDED."order",
            blind = EXCLUDED.blind, lease_minutes = EXCLUDED.lease_minutes, updated_by_id = EXCLUDED.updated_by_id,
            updated_at = EXCLUDED.updated_at`,
    );
    await recordAuditEvent(tx, { datasetId, userId: byUserId, action: "review_plan.set", entity: "dataset", entityId: datasetId, data: p });
    return p;
  });
}
