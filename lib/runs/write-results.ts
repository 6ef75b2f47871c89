import type { PoolClient } from "pg";
import { execute, sql } from "@/lib/db/sql";
import type { GroupSelection } from "@/lib/pipeline";

/** Writes one chunk's scores, references and proposals; duplicates from a retried chunk are ignored. */
export async function writeSelections(client: PoolClient, runId: number, datasetId: number, selections: GroupSelection[]): Promise<void> {
  const s = { response: [] as number[], group: [] as number[], kind: [] as string[], score: [] as number[] };
  const ref = { group: [] as number[], response: [] as (number | null)[], cons: [] as (number | null)[], scorer: [] as string[] };
  const p = {
    group: [] as number[],
    lang: [] as string[],
    chosen: [] as (number | null)[],
    rejected: [] as (number | null)[],
    sc: [] as (number | null)[],
    sr: [] as (number | null)[],
    margin: [] as (number | null)[],
    reason: [] as (string | null)[],
    detail: [] as (string | null)[],
    basis: [] as (string | null)[],
  };
  for (const sel of selections) {
    const groupId = Number(sel.groupId);
    for (const sc of sel.scores) {
      s.response.push(Number(sc.candidateId));
      s.group.push(groupId);
      s.kind.push(sc.kind);
      s.score.push(sc.score);
    }
    ref.group.push(groupId);
    ref.response.push(sel.reference ? Number(sel.reference.candidateId) : null);
    ref.cons.push(sel.reference?.cons ?? null);
    ref.scorer.push(sel.scorer);
    for (const d of sel.decisions) {
      p.group.push(groupId);
      p.lang.push(d.lang);
      if (d.kind === "pair") {
        p.chosen.push(Number(d.chosenId));
        p.rejected.push(Number(d.rejectedId));
        p.sc.push(d.scoreChosen);
        p.sr.push(d.scoreRejected);
        p.margin.push(d.margin);
        p.reason.push(null);
        p.detail.push(null);
        p.basis.push(d.basis);
      } else {
        p.chosen.push(null);
        p.rejected.push(null);
        p.sc.push(null);
        p.sr.push(null);
        p.margin.push(null);
        p.reason.push(d.reason);
        p.detail.push(d.detail ?? null);
        p.basis.push(null);
      }
    }
  }
  await execute(
    client,
    sql`INSERT INTO run_scores (run_id, dataset_id, response_id, group_id, kind, score)
     SELECT ${runId}, ${datasetId}, * FROM unnest(${s.response}::int[], ${s.group}::int[], ${s.kind}::text[], ${s.score}::float8[])
     ON CONFLICT DO NOTHING`,
  );
  await execute(
    client,
    sql`INSERT INTO run_references (run_id, dataset_id, group_id, response_id, cons, scorer)
     SELECT ${runId}, ${datasetId}, * FROM unnest(${ref.group}::int[], ${ref.response}::int[], ${ref.cons}::float8[], ${ref.scorer}::text[])
     ON CONFLICT DO NOTHING`,
  );
  await execute(
    client,
    sql`INSERT INTO run_proposals (run_id, dataset_id, group_id, language, chosen_id, rejected_id, score_chosen,
                                score_rejected, margin, skip_reason, skip_detail, basis)
     SELECT ${runId}, ${datasetId}, * FROM unnest(${p.group}::int[], ${p.lang}::text[], ${p.chosen}::int[], ${p.rejected}::int[],
                                  ${p.sc}::float8[], ${p.sr}::float8[], ${p.margin}::float8[], ${p.reason}::text[],
                                  ${p.detail}::text[], ${p.basis}::text[]) ON CONFLICT DO NOTHING`,
  );
}
