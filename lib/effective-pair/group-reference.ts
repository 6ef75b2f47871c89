import { ZSelectRunConfig } from "@/lib/pipeline/run-config";

import { z } from "zod";
import { queryMaybeOne, queryRows, sql, type Queryable } from "@/lib/db/sql";
import { correctionInEffect } from "@/lib/pipeline/reference-in-effect";

/** The latest successful select run that chose a reference for the group: its config governs recomputes. */
const ZSourceRun = z.object({
  id: z.number(),
  config: ZSelectRunConfig,
  finishedAt: z.date().nullable(),
  referenceId: z.number().nullable(),
  cons: z.number().nullable(),
  scorer: z.string(),
});
export type SourceRun = z.infer<typeof ZSourceRun>;

export async function findSourceRun(db: Queryable, datasetId: number, groupId: number): Promise<SourceRun | null> {
  return queryMaybeOne(
    db,
    sql`SELECT r.id, r.config, r.finished_at AS "finishedAt", rr.response_id AS "referenceId", rr.cons, rr.scorer
        FROM run_references rr JOIN pipeline_runs r ON r.id = rr.run_id
        WHERE rr.dataset_id = ${datasetId} AND rr.group_id = ${groupId} AND r.status = 'succeeded' AND r.kind = 'select'
        ORDER BY r.id DESC LIMIT 1`,
    ZSourceRun,
  );
}

const ZCorrectionRow = z.object({
  id: z.number(),
  kind: z.enum(["pick", "edit", "undo"]),
  previousResponseId: z.number().nullable(),
  responseId: z.number().nullable(),
  reason: z.string().nullable(),
  undoesId: z.number().nullable(),
  createdAt: z.date(),
  /** Name of the user who made it (null: made before accounts, or by the CLI). */
  byName: z.string().nullable(),
});
export type CorrectionRow = z.infer<typeof ZCorrectionRow>;

/** The group's reference corrections, newest first, at most `limit`. */
export async function correctionHistory(db: Queryable, datasetId: number, groupId: number, limit: number): Promise<CorrectionRow[]> {
  return queryRows(
    db,
    sql`SELECT c.id, c.kind::text AS kind, c.previous_response_id AS "previousResponseId", c.response_id AS "responseId", c.reason,
               c.undoes_id AS "undoesId", c.created_at AS "createdAt", u.name AS "byName"
        FROM reference_corrections c LEFT JOIN users u ON u.id = c.user_id
        WHERE c.dataset_id = ${datasetId} AND c.group_id = ${groupId} ORDER BY c.id DESC LIMIT ${limit}`,
    ZCorrectionRow,
  );
}

export async function latestCorrection(db: Queryable, datasetId: number, groupId: number): Promise<CorrectionRow | null> {
  const [latest] = await correctionHistory(db, datasetId, groupId, 1);
  return latest ?? null;
}

export type EffectiveReference =
  | { source: "correction"; responseId: number | null; correction: CorrectionRow; run: SourceRun | null }
  | { source: "run"; responseId: number | null; correction: null; run: SourceRun | null };

/**
 * The reference the group's pairs were computed from: the latest correction, unless a select run
 * finished after it (runs recompute every auto pair from their own reference). The pure twin is
 * `groupReference` in lib/pipeline/reference-in-effect.ts.
 */
export async function effectiveReference(db: Queryable, datasetId: number, groupId: number): Promise<EffectiveReference> {
  const [run, correction] = await Promise.all([findSourceRun(db, datasetId, groupId), latestCorrection(db, datasetId, groupId)]);
  if (correction && correctionInEffect([{ ...correction, groupId }], groupId, run?.finishedAt ?? null)) {
    return { source: "correction", responseId: correction.responseId, correction, run };
  }
  return { source: "run", responseId: run?.referenceId ?? null, correction: null, run };
}
