import { execute, sql, type Queryable } from "@/lib/db/sql";
import type { GroupSelection } from "@/lib/pipeline";

/**
 * Stores what a correction proposed in every language (the target of a later `reset`) and every score it
 * computed (what choose and undo read for a response that was not in the pair).
 */
export async function writeCorrectionProposals(
  client: Queryable,
  correctionId: number,
  datasetId: number,
  groupId: number,
  selection: GroupSelection,
): Promise<void> {
  const d = selection.decisions;
  const pair = (x: (typeof d)[number]) => (x.kind === "pair" ? x : null);
  await execute(
    client,
    sql`INSERT INTO reference_proposals (correction_id, language, dataset_id, group_id, chosen_id, rejected_id, score_chosen, score_rejected,
                                         margin, skip_reason, skip_detail, basis)
        SELECT ${correctionId}::int, v.language, ${datasetId}::int, ${groupId}::int, v.chosen, v.rejected, v.sc, v.sr, v.margin, v.reason, v.detail, v.basis
        FROM unnest(${d.map((x) => x.lang)}::text[], ${d.map((x) => (pair(x) ? Number(pair(x)!.chosenId) : null))}::int[],
                    ${d.map((x) => (pair(x) ? Number(pair(x)!.rejectedId) : null))}::int[], ${d.map((x) => pair(x)?.scoreChosen ?? null)}::float8[],
                    ${d.map((x) => pair(x)?.scoreRejected ?? null)}::float8[], ${d.map((x) => pair(x)?.margin ?? null)}::float8[],
                    ${d.map((x) => (x.kind === "skip" ? x.reason : null))}::text[], ${d.map((x) => (x.kind === "skip" ? (x.detail ?? null) : null))}::text[],
                    ${d.map((x) => pair(x)?.basis ?? null)}::text[])
             AS v(language, chosen, rejected, sc, sr, margin, reason, detail, basis)`,
  );
  await execute(
    client,
    sql`INSERT INTO reference_scores (correction_id, response_id, kind, score)
        SELECT ${correctionId}::int, * FROM unnest(${selection.scores.map((x) => Number(x.candidateId))}::int[],
                                                  ${selection.scores.map((x) => x.kind)}::text[], ${selection.scores.map((x) => x.score)}::float8[])`,
  );
}
