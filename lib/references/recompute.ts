import { getDatabase } from "@/lib/db/client";
import type { PoolClient } from "pg";
import { selectGroup, selectGroupWithReference, type GroupSelection } from "@/lib/pipeline";
import { AppError } from "@/lib/errors";
import { embedMissing } from "@/lib/runs/embed-missing";
import { ZSelectRunConfig } from "@/lib/runs/schemas";
import { vectorPlan } from "@/lib/runs/vector-plan";
import { autoProposalJoin, pairBasis } from "@/lib/effective-pair/auto-proposal";
import { writeAutoPairs } from "@/lib/effective-pair/write-auto-pairs";
import { empty, queryRows, sql } from "@/lib/db/sql";
import { z } from "zod";
import { loadGroupInput } from "@/lib/runs/load-groups";
import type { SourceRun } from "@/lib/effective-pair/group-reference";

export type PairState = {
  chosenId: number | null;
  rejectedId: number | null;
  margin: number | null;
  status: string;
  origin: string;
  skipReason: string | null;
  conflict: boolean;
  /** score | language_guard | random while the pair is the automatic proposal (absent in older records). */
  basis?: string | null;
  /** After a correction: the method's proposal's skip reason (why a kept human pair is in conflict). */
  proposedSkipReason?: string | null;
};
export type LanguageChange = { language: string; before: PairState | null; after: PairState };

const ZPairState = z.object({
  language: z.string(),
  chosenId: z.number().nullable(),
  rejectedId: z.number().nullable(),
  margin: z.number().nullable(),
  status: z.string(),
  origin: z.string(),
  skipReason: z.string().nullable(),
  conflict: z.boolean(),
  basis: z.string().nullable().optional(),
});

/** The group's pairs; `basis` from the automatic proposal in effect (read before a recompute, when it is still current). */
async function pairStates(client: PoolClient, datasetId: number, groupId: number, lock: boolean): Promise<Map<string, PairState>> {
  const rows = await queryRows(
    client,
    sql`SELECT p.language, p.chosen_id AS "chosenId", p.rejected_id AS "rejectedId", p.margin, p.status::text AS status, p.origin::text AS origin,
               p.skip_reason AS "skipReason", p.conflict${lock ? sql`, ${pairBasis("p")} AS basis` : empty}
        FROM pairs p ${lock ? autoProposalJoin("p") : empty}
        WHERE p.dataset_id = ${datasetId} AND p.group_id = ${groupId} ORDER BY p.language ${lock ? sql`FOR UPDATE OF p` : empty}`,
    ZPairState,
  );
  return new Map(rows.map(({ language, ...state }) => [language, state]));
}

/** A pair after the recompute, with the new proposal's basis (while it holds it) and skip reason. */
function withProposal(state: PairState, decision: GroupSelection["decisions"][number] | undefined): PairState {
  const pair = decision?.kind === "pair" ? decision : null;
  const holds = pair !== null && Number(pair.chosenId) === state.chosenId && Number(pair.rejectedId) === state.rejectedId;
  return { ...state, basis: holds ? pair.basis : null, proposedSkipReason: decision?.kind === "skip" ? decision.reason : null };
}

/** A group to recompute: its pivot language, the run whose config applies, the reference (null: the run's own rule). */
export type GroupRecompute = { datasetId: number; groupId: number; pivot: string; run: SourceRun | null; referenceId: number | null };

async function computeSelection(client: PoolClient, { datasetId, groupId, pivot, run, referenceId }: GroupRecompute) {
  const config = run?.config ?? ZSelectRunConfig.parse({});
  const plan = vectorPlan(config);
  const group = await loadGroupInput(client, datasetId, groupId, pivot, plan.model);
  if (plan.model && plan.embed) await embedMissing(await getDatabase(), datasetId, plan.model, [group]);
  if (referenceId === null) return selectGroup(group, plan.pipeline);
  try {
    return selectGroupWithReference(group, plan.pipeline, String(referenceId));
  } catch {
    throw new AppError(
      "BAD_INPUT",
      `Response ${referenceId} cannot be the reference: it must be a non-empty ${pivot} response of this group.`,
    );
  }
}

async function writePairs(client: PoolClient, datasetId: number, groupId: number, runId: number | null, selection: GroupSelection) {
  const d = selection.decisions;
  const pair = (x: (typeof d)[number]) => (x.kind === "pair" ? x : null);
  const proposals = sql`(SELECT ${datasetId}::int AS dataset_id, ${groupId}::int AS group_id, u.language, u.chosen_id, u.rejected_id,
                                u.score_chosen, u.score_rejected, u.margin, u.skip_reason, ${runId}::int AS run_id
                         FROM unnest(${d.map((x) => x.lang)}::text[], ${d.map((x) => (pair(x) ? Number(pair(x)!.chosenId) : null))}::int[],
                                     ${d.map((x) => (pair(x) ? Number(pair(x)!.rejectedId) : null))}::int[],
                                     ${d.map((x) => pair(x)?.scoreChosen ?? null)}::float8[], ${d.map((x) => pair(x)?.scoreRejected ?? null)}::float8[],
                                     ${d.map((x) => pair(x)?.margin ?? null)}::float8[], ${d.map((x) => (x.kind === "skip" ? x.reason : null))}::text[])
                              AS u(language, chosen_id, rejected_id, score_chosen, score_rejected, margin, skip_reason)) v`;
  await writeAutoPairs(client, proposals, "correction");
}

/**
 * Recomputes the group's scores and pairs in every language from `target.referenceId` (null = the
 * run's own rule) with the source run's config, inside the caller's transaction. Auto pairs take the new
 * proposal; human pairs keep their decision and are flagged when the proposal now disagrees.
 */
export async function recomputeGroup(
  client: PoolClient,
  target: GroupRecompute,
): Promise<{ selection: GroupSelection; changes: LanguageChange[] }> {
  const { datasetId, groupId, run } = target;
  const before = await pairStates(client, datasetId, groupId, true);
  const selection = await computeSelection(client, target);
  await writePairs(client, datasetId, groupId, run?.id ?? null, selection);
  const after = await pairStates(client, datasetId, groupId, false);
  const decisions = new Map(selection.decisions.map((d) => [d.lang, d]));
  const changes = [...after].map(([language, state]) => ({
    language,
    before: before.get(language) ?? null,
    after: withProposal(state, decisions.get(language)),
  }));
  return { selection, changes };
}
