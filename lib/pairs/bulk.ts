import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { filterConditions, Params } from "./filter-sql";
import { ZPairFilter, type PairFilter } from "./table";

export const ZBulkSpec = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept") }),
  z.object({ action: z.literal("reject"), belowMargin: z.number().finite() }),
  z.object({ action: z.literal("reset") }),
]);
export type BulkSpec = z.infer<typeof ZBulkSpec>;
export const ZBulkRequest = z.object({ filter: ZPairFilter, spec: ZBulkSpec });

const BATCH = 500;

/** Which pairs of the filter result a bulk action changes (the rest would be no-ops). */
function eligible(spec: BulkSpec, params: Params): string {
  switch (spec.action) {
    case "accept": return `p.chosen_id IS NOT NULL AND NOT (p.status = 'accepted' AND p.origin = 'human')`;
    case "reject": return `p.margin < ${params.add(spec.belowMargin)} AND NOT (p.status = 'rejected' AND p.origin = 'human')`;
    case "reset": return `p.origin = 'human'`;
  }
}

function targetsSql(datasetId: number, filter: PairFilter, spec: BulkSpec, params: Params): string {
  return [...filterConditions(datasetId, filter, params), eligible(spec, params)].join(" AND ");
}

/** How many pairs the bulk action would change. */
export async function countBulkTargets(db: Database, datasetId: number, filter: PairFilter, spec: BulkSpec): Promise<number> {
  const params = new Params();
  const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pairs p WHERE ${targetsSql(datasetId, filter, spec, params)}`, params.values);
  return rows[0]?.n ?? 0;
}

/** Records the start of a bulk action; its audit event id names the job in each decision's reason. */
export async function startBulk(db: Database, datasetId: number, filter: PairFilter, spec: BulkSpec, userId: number | null = null): Promise<{ bulkId: number; total: number }> {
  const total = await countBulkTargets(db, datasetId, filter, spec);
  const { rows } = await db.pool.query<{ id: number }>(
    `INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data) VALUES ($1, $2, $3, 'pairs', 'filter', $4) RETURNING id`,
    [datasetId, userId, `pairs.bulk.${spec.action}`, JSON.stringify({ filter, spec, total })],
  );
  return { bulkId: rows[0]!.id, total };
}

const APPLY: Record<BulkSpec["action"], { decision: string; set: string }> = {
  accept: { decision: "p.chosen_id, p.rejected_id", set: `status = 'accepted', origin = 'human', conflict = false` },
  reject: { decision: "p.chosen_id, p.rejected_id", set: `status = 'rejected', origin = 'human', conflict = false` },
  reset: {
    decision: "rp.chosen_id, rp.rejected_id",
    set: `chosen_id = rp.chosen_id, rejected_id = rp.rejected_id, score_chosen = rp.score_chosen, score_rejected = rp.score_rejected,
          margin = rp.margin, skip_reason = rp.skip_reason, origin = 'auto', flagged = false, flag_reason = NULL, conflict = false,
          status = (CASE WHEN rp.chosen_id IS NOT NULL AND rp.skip_reason IS NULL THEN 'proposed' ELSE 'skipped' END)::"PairStatus"`,
  },
};

/**
 * Applies the action to the next batch of matching pairs after `afterId` (in id order, so a pair that
 * leaves the filter by being changed is never visited twice). Every pair gets its own decision row and
 * a new version, so a reviewer looking at it meanwhile gets a conflict instead of a lost update.
 */
export async function runBulkBatch(
  db: Database, datasetId: number, bulkId: number, filter: PairFilter, spec: BulkSpec, afterId: number, userId: number | null = null, batch = BATCH,
): Promise<{ changed: number; lastId: number | null }> {
  const params = new Params();
  const where = targetsSql(datasetId, filter, spec, params);
  const after = params.add(afterId);
  const limit = params.add(batch);
  const user = params.add(userId);
  const reason = params.add(`bulk #${bulkId}`);
  const apply = APPLY[spec.action];
  const { rows } = await db.pool.query<{ id: number }>(
    `WITH target AS (
       SELECT p.id FROM pairs p WHERE ${where} AND p.id > ${after} ORDER BY p.id LIMIT ${limit} FOR UPDATE OF p
     ), d AS (
       INSERT INTO pair_decisions (dataset_id, pair_id, user_id, action, reason, chosen_id, rejected_id, seen_chosen_id, seen_rejected_id, seen_version)
       SELECT p.dataset_id, p.id, ${user}, '${spec.action}', ${reason}, ${apply.decision}, p.chosen_id, p.rejected_id, p.version
       FROM pairs p JOIN target t ON t.id = p.id
       LEFT JOIN run_proposals rp ON rp.run_id = p.run_id AND rp.group_id = p.group_id AND rp.language = p.language
       RETURNING id, pair_id
     )
     UPDATE pairs p SET ${apply.set}, last_decision_id = d.id, version = p.version + 1, updated_at = now()
     FROM d LEFT JOIN pairs q ON q.id = d.pair_id
     LEFT JOIN run_proposals rp ON rp.run_id = q.run_id AND rp.group_id = q.group_id AND rp.language = q.language
     WHERE p.id = d.pair_id
     RETURNING p.id`,
    params.values,
  );
  const ids = rows.map((r) => r.id);
  return { changed: ids.length, lastId: ids.length ? Math.max(...ids) : null };
}

/** Records how a bulk action ended. */
export async function finishBulk(db: Database, datasetId: number, bulkId: number, changed: number, userId: number | null = null): Promise<void> {
  await db.pool.query(
    `INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data) VALUES ($1, $2, 'pairs.bulk.finish', 'audit_event', $3, $4)`,
    [datasetId, userId, String(bulkId), JSON.stringify({ changed })],
  );
}

/** The whole bulk action in one process, batch by batch, reporting progress. */
export async function runBulk(
  db: Database, datasetId: number, filter: PairFilter, spec: BulkSpec, userId: number | null = null,
  onProgress?: (done: number, total: number) => void, batch = BATCH,
): Promise<{ bulkId: number; total: number; changed: number }> {
  const { bulkId, total } = await startBulk(db, datasetId, filter, spec, userId);
  let changed = 0;
  let after = 0;
  for (;;) {
    const r = await runBulkBatch(db, datasetId, bulkId, filter, spec, after, userId, batch);
    if (r.lastId === null) break;
    changed += r.changed;
    after = r.lastId;
    onProgress?.(changed, total);
  }
  await finishBulk(db, datasetId, bulkId, changed, userId);
  return { bulkId, total, changed };
}
