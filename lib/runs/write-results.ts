import type { PoolClient } from "pg";
import { execute, sql } from "@/lib/db/sql";
import { unnest } from "@/lib/db/unnest";
import type { GroupSelection } from "@/lib/pipeline";

/** Writes one chunk's scores, references and proposals; duplicates from a retried chunk are ignored. */
export async function writeSelections(client: PoolClient, runId: number, datasetId: number, selections: GroupSelection[]): Promise<void> {
  const groupOf = (sel: GroupSelection) => Number(sel.groupId);
  const scores = selections.flatMap((sel) => sel.scores.map((score) => ({ groupId: groupOf(sel), score })));
  const decisions = selections.flatMap((sel) =>
    sel.decisions.map((d) => ({ groupId: groupOf(sel), d, pair: d.kind === "pair" ? d : null, skip: d.kind === "skip" ? d : null })),
  );
  await execute(
    client,
    sql`INSERT INTO run_scores (run_id, dataset_id, response_id, group_id, kind, score)
     SELECT ${runId}, ${datasetId}, * FROM ${unnest(scores, [
       ["int", (x) => Number(x.score.candidateId)],
       ["int", (x) => x.groupId],
       ["text", (x) => x.score.kind],
       ["float8", (x) => x.score.score],
     ])}
     ON CONFLICT DO NOTHING`,
  );
  await execute(
    client,
    sql`INSERT INTO run_references (run_id, dataset_id, group_id, response_id, cons, scorer)
     SELECT ${runId}, ${datasetId}, * FROM ${unnest(selections, [
       ["int", groupOf],
       ["int", (sel) => (sel.reference ? Number(sel.reference.candidateId) : null)],
       ["float8", (sel) => sel.reference?.cons ?? null],
       ["text", (sel) => sel.scorer],
     ])}
     ON CONFLICT DO NOTHING`,
  );
  await execute(
    client,
    sql`INSERT INTO run_proposals (run_id, dataset_id, group_id, language, chosen_id, rejected_id, score_chosen,
                                score_rejected, margin, skip_reason, skip_detail, basis)
     SELECT ${runId}, ${datasetId}, * FROM ${unnest(decisions, [
       ["int", (x) => x.groupId],
       ["text", (x) => x.d.lang],
       ["int", (x) => (x.pair ? Number(x.pair.chosenId) : null)],
       ["int", (x) => (x.pair ? Number(x.pair.rejectedId) : null)],
       ["float8", (x) => x.pair?.scoreChosen ?? null],
       ["float8", (x) => x.pair?.scoreRejected ?? null],
       ["float8", (x) => x.pair?.margin ?? null],
       ["text", (x) => x.skip?.reason ?? null],
       ["text", (x) => x.skip?.detail ?? null],
       ["text", (x) => x.pair?.basis ?? null],
     ])} ON CONFLICT DO NOTHING`,
  );
}
