import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { queryMaybeOne, queryRows, queryTrusted, sql } from "@/lib/db/sql";
import { autoProposalJoin } from "@/lib/effective-pair/auto-proposal";
import { pairStateColumns, ZPairState } from "@/lib/effective-pair/pair-state";
import { effectiveReferenceJoin } from "@/lib/effective-pair/reference-in-effect";
import { z } from "zod";

const ZPairDetailState = ZPairState.extend({
  id: z.number(),
  groupId: z.number(),
  externalId: z.string(),
  runId: z.number().nullable(),
  /** The scorer the pair's run used for this group (a correction recomputes with the same one). */
  scorer: z.string().nullable(),
});
export type PairState = z.infer<typeof ZPairDetailState>;
const ZReference = z.object({ id: z.number(), text: z.string(), cons: z.number().nullable() });
export type Candidate = {
  id: number;
  sampleIndex: number;
  text: string;
  score: number | null;
  detectedLanguage: string | null;
  targetShare: number | null;
  languageMix: string | null;
  defect: string | null;
  model: string | null;
};
export type HistoryEntry = {
  id: number;
  action: string;
  reason: string | null;
  author: string | null;
  chosenId: number | null;
  rejectedId: number | null;
  seenVersion: number;
  undoesId: number | null;
  undoneBy: number | null;
  createdAt: string;
};
/** Everything the review queue shows for one pair; plain JSON (served by the GET route for prefetching). */
export type PairDetail = {
  pair: PairState;
  pivotLanguage: string;
  prompt: string | null;
  pivotPrompt: string | null;
  reference: { id: number; text: string; cons: number | null } | null;
  candidates: Candidate[];
  history: HistoryEntry[];
};

export async function getPairDetail(db: Database, datasetId: number, pairId: number): Promise<PairDetail> {
  const row = await queryMaybeOne(
    db.pool,
    sql`SELECT p.id, p.group_id AS "groupId", g.external_id AS "externalId", ${pairStateColumns("p")},
               p.run_id AS "runId", d.pivot_language AS "pivotLanguage",
               (SELECT rr.scorer FROM run_references rr WHERE rr.run_id = p.run_id AND rr.group_id = p.group_id) AS scorer
        FROM pairs p JOIN prompt_groups g ON g.id = p.group_id JOIN datasets d ON d.id = p.dataset_id
        ${autoProposalJoin("p")}
        WHERE p.id = ${pairId} AND p.dataset_id = ${datasetId}`,
    ZPairDetailState.extend({ pivotLanguage: z.string() }),
  );
  if (!row) throw new AppError("NOT_FOUND", `No pair ${pairId} in this dataset.`);
  const { pivotLanguage, ...pair } = row;
  const [prompts, reference, candidates, history] = await Promise.all([
    queryRows(
      db.pool,
      sql`SELECT language, text FROM prompt_texts WHERE group_id = ${pair.groupId} AND language = ANY(${[pair.language, pivotLanguage]}::text[])`,
      z.object({ language: z.string(), text: z.string() }),
    ),
    queryMaybeOne(
      db.pool,
      sql`SELECT r.id, r.text, eref.cons FROM pairs p ${effectiveReferenceJoin("p")} JOIN responses r ON r.id = eref.response_id
          WHERE p.id = ${pair.id}`,
      ZReference,
    ),
    queryTrusted<Candidate>(
      db.pool,
      sql`SELECT r.id, r.sample_index AS "sampleIndex", r.text, s.score, r.detected_language AS "detectedLanguage",
                 r.target_share AS "targetShare", r.language_mix AS "languageMix", r.defect, r.model
          FROM responses r LEFT JOIN run_scores s ON s.run_id = ${pair.runId}::int AND s.response_id = r.id
          WHERE r.group_id = ${pair.groupId} AND r.language = ${pair.language} ORDER BY r.sample_index, r.id`,
    ),
    pairHistory(db, datasetId, pair.id),
  ]);
  const promptIn = (lang: string) => prompts.find((p) => p.language === lang)?.text ?? null;
  return {
    pair,
    pivotLanguage,
    prompt: promptIn(pair.language),
    pivotPrompt: promptIn(pivotLanguage),
    reference,
    candidates,
    history,
  };
}

/** A pair's decisions, newest first, with who made them and which later decision undid them. */
export async function pairHistory(db: Database, datasetId: number, pairId: number): Promise<HistoryEntry[]> {
  const rows = await queryTrusted<Omit<HistoryEntry, "createdAt"> & { createdAt: Date }>(
    db.pool,
    sql`SELECT d.id, d.action::text, d.reason, coalesce(u.name, u.email) AS author, d.chosen_id AS "chosenId", d.rejected_id AS "rejectedId",
               d.seen_version AS "seenVersion", d.undoes_id AS "undoesId", d.created_at AS "createdAt",
               (SELECT max(x.id) FROM pair_decisions x WHERE x.pair_id = d.pair_id AND x.undoes_id = d.id) AS "undoneBy"
        FROM pair_decisions d LEFT JOIN users u ON u.id = d.user_id
        WHERE d.pair_id = ${pairId} AND d.dataset_id = ${datasetId} ORDER BY d.id DESC`,
  );
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
