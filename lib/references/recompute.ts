import { getDatabase } from "@/lib/db/client";
import type { PoolClient } from "pg";
import { selectGroup, selectGroupWithReference, type GroupSelection } from "@/lib/pipeline";
import { AppError } from "@/lib/errors";
import { embedMissing } from "@/lib/runs/embed-missing";
import { AUTO_PAIR_UPDATE } from "@/lib/runs/materialize-pairs";
import { ZSelectRunConfig } from "@/lib/runs/schemas";
import { vectorPlan } from "@/lib/runs/vector-plan";
import { autoProposalJoin, pairBasisSql } from "./auto-proposal";
import { loadGroupInput } from "./load-group";
import type { SourceRun } from "./source-run";

export type PairState = {
  chosenId: number | null; rejectedId: number | null; margin: number | null; status: string; origin: string;
  skipReason: string | null; conflict: boolean;
  /** score | language_guard | random while the pair is the automatic proposal (absent in older records). */
  basis?: string | null;
  /** After a correction: the method's proposal's skip reason (why a kept human pair is in conflict). */
  proposedSkipReason?: string | null;
};
export type LanguageChange = { language: string; before: PairState | null; after: PairState };

/** The group's pairs; `basis` from the automatic proposal in effect (read before a recompute, when it is still current). */
async function pairStates(client: PoolClient, datasetId: number, groupId: number, lock: boolean): Promise<Map<string, PairState>> {
  const { rows } = await client.query<PairState & { language: string }>(
    `SELECT p.language, p.chosen_id AS "chosenId", p.rejected_id AS "rejectedId", p.margin, p.status::text AS status, p.origin::text AS origin,
            p.skip_reason AS "skipReason", p.conflict${lock ? `, ${pairBasisSql("p")} AS basis` : ""}
     FROM pairs p ${lock ? autoProposalJoin("p") : ""}
     WHERE p.dataset_id = $1 AND p.group_id = $2 ORDER BY p.language ${lock ? "FOR UPDATE OF p" : ""}`,
    [datasetId, groupId],
  );
  return new Map(rows.map(({ language, ...state }) => [language, state]));
}

/** A pair after the recompute, with the new proposal's basis (while it holds it) and skip reason. */
function withProposal(state: PairState, decision: GroupSelection["decisions"][number] | undefined): PairState {
  const pair = decision?.kind === "pair" ? decision : null;
  const holds = pair !== null && Number(pair.chosenId) === state.chosenId && Number(pair.rejectedId) === state.rejectedId;
  return { ...state, basis: holds ? pair.basis : null, proposedSkipReason: decision?.kind === "skip" ? decision.reason : null };
}

async function computeSelection(client: PoolClient, datasetId: number, groupId: number, pivot: string, run: SourceRun | null, referenceId: number | null) {
  const config = run?.config ?? ZSelectRunConfig.parse({});
  const plan = vectorPlan(config);
  const group = await loadGroupInput(client, datasetId, groupId, pivot, plan.model);
  if (plan.model && plan.embed) await embedMissing(await getDatabase(), datasetId, plan.model, [group]);
  if (referenceId === null) return selectGroup(group, plan.pipeline);
  try {
    return selectGroupWithReference(group, plan.pipeline, String(referenceId));
  } catch {
    throw new AppError("BAD_INPUT", `Response ${referenceId} cannot be the reference: it must be a non-empty ${pivot} response of this group.`);
  }
}

async function writePairs(client: PoolClient, datasetId: number, groupId: number, runId: number | null, selection: GroupSelection) {
  const d = selection.decisions;
  const pair = (x: (typeof d)[number]) => (x.kind === "pair" ? x : null);
  await client.query(
    `INSERT INTO pairs AS p (dataset_id, group_id, language, chosen_id, rejected_id, score_chosen, score_rejected, margin,
                             status, origin, skip_reason, run_id, off_target)
     SELECT $1, $2, v.language, v.chosen, v.rejected, v.sc, v.sr, v.margin,
            (CASE WHEN v.reason IS NULL THEN 'proposed' ELSE 'skipped' END)::"PairStatus", 'auto', v.reason, $3,
            coalesce(c.detected_language <> split_part(c.language, '-', 1), false)
              OR coalesce(r.detected_language <> split_part(r.language, '-', 1), false)
     FROM unnest($4::text[], $5::int[], $6::int[], $7::float8[], $8::float8[], $9::float8[], $10::text[])
          AS v(language, chosen, rejected, sc, sr, margin, reason)
     LEFT JOIN responses c ON c.id = v.chosen
     LEFT JOIN responses r ON r.id = v.rejected
     ON CONFLICT (dataset_id, group_id, language) DO UPDATE SET
       ${AUTO_PAIR_UPDATE},
       run_id         = coalesce(EXCLUDED.run_id, p.run_id),
       version        = p.version + 1,
       updated_at     = now()`,
    [
      datasetId, groupId, runId, d.map((x) => x.lang), d.map((x) => (pair(x) ? Number(pair(x)!.chosenId) : null)),
      d.map((x) => (pair(x) ? Number(pair(x)!.rejectedId) : null)), d.map((x) => pair(x)?.scoreChosen ?? null),
      d.map((x) => pair(x)?.scoreRejected ?? null), d.map((x) => pair(x)?.margin ?? null), d.map((x) => (x.kind === "skip" ? x.reason : null)),
    ],
  );
}

/**
 * Recomputes the group's scores and pairs in every language from `referenceId` (null = the run's
 * own rule) with the source run's config, inside the caller's transaction. Auto pairs take the new
 * proposal; human pairs keep their decision and are flagged when the proposal now disagrees.
 */
export async function recomputeGroup(
  client: PoolClient, datasetId: number, groupId: number, pivot: string, run: SourceRun | null, referenceId: number | null,
): Promise<{ selection: GroupSelection; changes: LanguageChange[] }> {
  const before = await pairStates(client, datasetId, groupId, true);
  const selection = await computeSelection(client, datasetId, groupId, pivot, run, referenceId);
  await writePairs(client, datasetId, groupId, run?.id ?? null, selection);
  const after = await pairStates(client, datasetId, groupId, false);
  const decisions = new Map(selection.decisions.map((d) => [d.lang, d]));
  const changes = [...after].map(([language, state]) => ({
    language, before: before.get(language) ?? null, after: withProposal(state, decisions.get(language)),
  }));
  return { selection, changes };
}
