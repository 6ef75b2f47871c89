import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CorrectionRecord } from "@/lib/references/apply-correction";
import { queryMaybeOne, queryRows, sql } from "@/lib/db/sql";
import { autoProposalJoin } from "@/lib/effective-pair/auto-proposal";
import { pairStateColumns, ZPairState } from "@/lib/effective-pair/pair-state";
import { z } from "zod";
import { correctionHistory, effectiveReference, type EffectiveReference } from "@/lib/effective-pair/group-reference";
import { runNumberSql } from "@/lib/jobs/run-number";
import type { GroupPair, GroupResponse, GroupView, ReferenceView } from "./types";

async function loadScores(
  db: Database,
  datasetId: number,
  groupId: number,
  ref: EffectiveReference,
): Promise<{ scores: Map<number, number>; correction: CorrectionRecord | null }> {
  if (ref.source === "correction") {
    const found = await queryMaybeOne(
      db.pool,
      sql`SELECT data FROM audit_events WHERE dataset_id = ${datasetId} AND entity = 'reference_correction' AND entity_id = ${String(ref.correction.id)} ORDER BY id DESC LIMIT 1`,
      // Written by applyCorrection as a CorrectionRecord.
      z.object({ data: z.custom<CorrectionRecord>() }),
    );
    const record = found?.data ?? null;
    return { scores: new Map((record?.scores ?? []).map(([id, , score]) => [id, score])), correction: record };
  }
  if (!ref.run) return { scores: new Map(), correction: null };
  const rows = await queryRows(
    db.pool,
    sql`SELECT response_id, score FROM run_scores WHERE run_id = ${ref.run.id} AND group_id = ${groupId}`,
    z.object({ response_id: z.number(), score: z.number() }),
  );
  return { scores: new Map(rows.map((r) => [r.response_id, r.score])), correction: null };
}

const ZGroupPair = ZPairState.extend({ id: z.number() }) satisfies z.ZodType<GroupPair>;

async function loadPairs(db: Database, datasetId: number, groupId: number): Promise<Record<string, GroupPair>> {
  const rows = await queryRows(
    db.pool,
    sql`SELECT p.id, ${pairStateColumns("p")}
        FROM pairs p
        ${autoProposalJoin("p")}
        WHERE p.dataset_id = ${datasetId} AND p.group_id = ${groupId}`,
    ZGroupPair,
  );
  return Object.fromEntries(rows.map((r) => [r.language, r]));
}

/** The number of the run a reference came from, in its dataset (what the page shows; the id is global). */
async function loadRunNumber(db: Database, runId: number | null): Promise<number | null> {
  if (runId === null) return null;
  const row = await queryMaybeOne(
    db.pool,
    sql`SELECT ${runNumberSql("r")} AS number FROM pipeline_runs r WHERE r.id = ${runId}`,
    z.object({ number: z.number() }),
  );
  return row?.number ?? null;
}

function referenceView(ref: EffectiveReference, correction: CorrectionRecord | null, runNumber: number | null): ReferenceView {
  if (ref.source === "correction") {
    return {
      responseId: ref.responseId,
      source: "correction",
      runId: ref.run?.id ?? null,
      runNumber,
      scorer: correction?.scorer ?? null,
      cons: correction?.referenceCons ?? null,
      correctedBy: ref.correction.byName,
    };
  }
  if (!ref.run) return { responseId: null, source: "none", runId: null, runNumber: null, scorer: null, cons: null, correctedBy: null };
  return {
    responseId: ref.responseId,
    source: "run",
    runId: ref.run.id,
    runNumber,
    scorer: ref.run.scorer,
    cons: ref.run.cons,
    correctedBy: null,
  };
}

/** Whether the dataset has prompt group `groupId` (a primary-key probe, for a page that must 404 before it streams). */
export async function groupExists(db: Database, datasetId: number, groupId: number): Promise<boolean> {
  const row = await queryMaybeOne(
    db.pool,
    sql`SELECT 1 AS found FROM prompt_groups WHERE id = ${groupId} AND dataset_id = ${datasetId}`,
    z.object({ found: z.number() }),
  );
  return row !== null;
}

/** Everything the prompt-group page shows: prompts, responses with their scores, the reference, pairs and corrections. */
export async function getGroupView(db: Database, datasetId: number, groupId: number): Promise<GroupView> {
  const group = await db.prisma.promptGroup.findFirst({
    where: { id: groupId, datasetId },
    include: {
      dataset: { select: { pivotLanguage: true } },
      prompts: { orderBy: { language: "asc" } },
      responses: { orderBy: [{ language: "asc" }, { sampleIndex: "asc" }], omit: { contentHash: true, params: true } },
    },
  });
  if (!group) throw new AppError("NOT_FOUND", `No prompt group ${groupId} in this dataset.`);
  const pivot = group.dataset.pivotLanguage;
  const ref = await effectiveReference(db.pool, datasetId, groupId);
  const [{ scores, correction }, pairs, history, runNumber] = await Promise.all([
    loadScores(db, datasetId, groupId, ref),
    loadPairs(db, datasetId, groupId),
    correctionHistory(db.pool, datasetId, groupId, 50),
    loadRunNumber(db, ref.run?.id ?? null),
  ]);
  const responses: GroupResponse[] = group.responses.map((r) => ({
    id: r.id,
    language: r.language,
    sampleIndex: r.sampleIndex,
    text: r.text,
    model: r.model,
    origin: r.origin,
    detectedLanguage: r.detectedLanguage,
    extractedAnswer: r.extractedAnswer,
    charLength: r.charLength,
    score: scores.get(r.id) ?? null,
    targetShare: r.targetShare,
    languageMix: r.languageMix,
    defect: r.defect,
  }));
  const languages = [...new Set([...group.prompts.map((p) => p.language), ...responses.map((r) => r.language)])].sort((a, b) =>
    a === pivot ? -1 : b === pivot ? 1 : a.localeCompare(b),
  );
  return {
    group: { id: group.id, externalId: group.externalId, gold: group.gold },
    pivot,
    languages,
    prompts: group.prompts.map((p) => ({ language: p.language, text: p.text, machineTranslated: p.machineTranslated })),
    responses,
    reference: referenceView(ref, correction, runNumber),
    pairs,
    correction,
    history,
  };
}
