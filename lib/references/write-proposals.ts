import type { PoolClient } from "pg";
import type { GroupSelection } from "@/lib/pipeline";

/**
 * Stores what a correction proposed in every language (the target of a later `reset`) and every score it
 * computed (what choose and undo read for a response that was not in the pair).
 */
export async function writeCorrectionProposals(client: PoolClient, correctionId: number, datasetId: number, groupId: number, selection: GroupSelection): Promise<void> {
  const d = selection.decisions;
  const pair = (x: (typeof d)[number]) => (x.kind === "pair" ? x : null);
  await client.query(
    `INSERT INTO reference_proposals (correction_id, language, dataset_id, group_id, chosen_id, rejected_id, score_chosen, score_rejected,
                                      margin, skip_reason, skip_detail, basis)
     SELECT $1, v.language, $2, $3, v.chosen, v.rejected, v.sc, v.sr, v.margin, v.reason, v.detail, v.basis
     FROM unnest($4::text[], $5::int[], $6::int[], $7::float8[], $8::float8[], $9::float8[], $10::text[], $11::text[], $12::text[])
          AS v(language, chosen, rejected, sc, sr, margin, reason, detail, basis)`,
    [
      correctionId, datasetId, groupId, d.map((x) => x.lang), d.map((x) => (pair(x) ? Number(pair(x)!.chosenId) : null)),
      d.map((x) => (pair(x) ? Number(pair(x)!.rejectedId) : null)), d.map((x) => pair(x)?.scoreChosen ?? null),
      d.map((x) => pair(x)?.scoreRejected ?? null), d.map((x) => pair(x)?.margin ?? null), d.map((x) => (x.kind === "skip" ? x.reason : null)),
      d.map((x) => (x.kind === "skip" ? (x.detail ?? null) : null)), d.map((x) => pair(x)?.basis ?? null),
    ],
  );
  await client.query(
    `INSERT INTO reference_scores (correction_id, response_id, kind, score) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::float8[])`,
    [correctionId, selection.scores.map((x) => Number(x.candidateId)), selection.scores.map((x) => x.kind), selection.scores.map((x) => x.score)],
  );
}
