import { z } from "zod";
import { empty, queryOne, queryTrusted, sql, type Queryable, type Sql } from "@/lib/db/sql";
import { AUTO_STATUS_SQL, autoProposalJoin } from "@/lib/effective-pair/auto-proposal";
import { filterConditions, type FilterSql } from "./filter-sql";
import { ZPairFilter, type PairFilter } from "./table";

export const ZBulkSpec = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept") }),
  z.object({ action: z.literal("reject"), belowMargin: z.number().finite() }),
  z.object({ action: z.literal("reset") }),
]);
export type BulkSpec = z.infer<typeof ZBulkSpec>;
export const ZBulkRequest = z.object({ filter: ZPairFilter, spec: ZBulkSpec });

/** Which pairs of the filter result a bulk action changes (the rest would be no-ops). */
function eligible(spec: BulkSpec): Sql {
  switch (spec.action) {
    case "accept":
      return sql`p.chosen_id IS NOT NULL AND NOT (p.status = 'accepted' AND p.origin = 'human')`;
    case "reject":
      return sql`p.margin < ${spec.belowMargin} AND NOT (p.status = 'rejected' AND p.origin = 'human')`;
    case "reset":
      return sql`p.origin = 'human'`;
  }
}

function targetsSql(datasetId: number, filter: PairFilter, spec: BulkSpec): FilterSql {
  const { withHits, where } = filterConditions(datasetId, filter);
  return { withHits, where: sql`${where} AND ${eligible(spec)}` };
}

const ZCount = z.object({ n: z.number() });

/** How many pairs the bulk action would change. */
export async function countBulkTargets(db: Queryable, datasetId: number, filter: PairFilter, spec: BulkSpec): Promise<number> {
  const { withHits, where } = targetsSql(datasetId, filter, spec);
  return (await queryOne(db, sql`${withHits}SELECT count(*)::int AS n FROM pairs p WHERE ${where}`, ZCount)).n;
}

/** Whether any pair after `afterId` is still a target (a batch whose rows all changed meanwhile returns none). */
export async function hasBulkTargetsAfter(
  db: Queryable,
  datasetId: number,
  filter: PairFilter,
  spec: BulkSpec,
  afterId: number,
): Promise<boolean> {
  const { withHits, where } = targetsSql(datasetId, filter, spec);
  const rows = await queryTrusted(db, sql`${withHits}SELECT 1 FROM pairs p WHERE ${where} AND p.id > ${afterId} LIMIT 1`);
  return rows.length > 0;
}

const APPLY: Record<BulkSpec["action"], { decision: Sql; set: Sql }> = {
  accept: { decision: sql`p.chosen_id, p.rejected_id`, set: sql`status = 'accepted', origin = 'human', conflict = false` },
  reject: { decision: sql`p.chosen_id, p.rejected_id`, set: sql`status = 'rejected', origin = 'human', conflict = false` },
  reset: {
    decision: sql`ap.chosen_id, ap.rejected_id`,
    set: sql`chosen_id = ap.chosen_id, rejected_id = ap.rejected_id, score_chosen = ap.score_chosen, score_rejected = ap.score_rejected,
          margin = ap.margin, skip_reason = ap.skip_reason, origin = 'auto', flagged = false, flag_reason = NULL, conflict = false,
          status = ${AUTO_STATUS_SQL}`,
  },
};

export type BulkBatch = {
  datasetId: number;
  runId: number;
  filter: PairFilter;
  spec: BulkSpec;
  afterId: number;
  userId: number | null;
  size: number;
};

/**
 * Applies the action to the next `size` matching pairs after `afterId` in id order (a pair that
 * leaves the filter by being changed is never visited twice), inside the caller's transaction.
 * Every pair gets its own decision row (reason `bulk #<run id>`) and a new version, so a reviewer
 * looking at it meanwhile gets a conflict instead of a lost update. Reset returns a pair to its
 * automatic proposal (a reference correction's, when one is in effect).
 */
export async function applyBulkBatch(client: Queryable, b: BulkBatch): Promise<{ changed: number; lastId: number | null }> {
  const apply = APPLY[b.spec.action];
  const proposal = (alias: string) => (b.spec.action === "reset" ? autoProposalJoin(alias) : empty);
  const { withHits, where } = targetsSql(b.datasetId, b.filter, b.spec);
  const rows = await queryTrusted<{ id: number }>(
    client,
    sql`WITH target AS (
          ${withHits}SELECT p.id FROM pairs p WHERE ${where} AND p.id > ${b.afterId} ORDER BY p.id LIMIT ${b.size} FOR UPDATE OF p
        ), d AS (
          INSERT INTO pair_decisions (dataset_id, pair_id, user_id, action, reason, chosen_id, rejected_id, seen_chosen_id, seen_rejected_id, seen_version)
          SELECT p.dataset_id, p.id, ${b.userId}::int, ${b.spec.action}::"DecisionAction", ${`bulk #${b.runId}`}::text, ${apply.decision},
                 p.chosen_id, p.rejected_id, p.version
          FROM pairs p JOIN target t ON t.id = p.id
          ${proposal("p")}
          RETURNING id, pair_id
        )
        UPDATE pairs p SET ${apply.set}, last_decision_id = d.id, version = p.version + 1, updated_at = now()
        FROM d JOIN pairs q ON q.id = d.pair_id
        ${proposal("q")}
        WHERE p.id = d.pair_id
        RETURNING p.id`,
  );
  const ids = rows.map((r) => r.id);
  return { changed: ids.length, lastId: ids.length ? Math.max(...ids) : null };
}
