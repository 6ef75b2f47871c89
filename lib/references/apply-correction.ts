import type { PoolClient } from "pg";
import type { Database } from "@/lib/db/client";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { queryMaybeOne, queryOne, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { GroupSelection } from "@/lib/pipeline";
import { recomputeGroup, type LanguageChange } from "./recompute";
import { effectiveReference, type EffectiveReference } from "@/lib/effective-pair/group-reference";
import { writeCorrectionProposals } from "./write-proposals";

export type CorrectionKind = "pick" | "edit" | "undo";

/** What the group page needs to show a correction: the recomputed scores and each language's before → after. */
export type CorrectionRecord = {
  correctionId: number;
  kind: CorrectionKind;
  previousResponseId: number | null;
  responseId: number | null;
  reason: string | null;
  scorer: string;
  referenceCons: number | null;
  scores: Array<[responseId: number, kind: "cons" | "cl", score: number]>;
  changes: LanguageChange[];
};

export type GroupContext = { client: PoolClient; pivot: string; current: EffectiveReference };

/** Runs `fn` in a transaction holding the group's row lock, so corrections of one group never interleave. */
async function withGroupLock<T>(db: Database, datasetId: number, groupId: number, fn: (ctx: GroupContext) => Promise<T>): Promise<T> {
  return withTransaction(db, async (client) => {
    const group = await queryMaybeOne(
      client,
      sql`SELECT d.pivot_language AS pivot FROM prompt_groups g JOIN datasets d ON d.id = g.dataset_id
          WHERE g.id = ${groupId} AND g.dataset_id = ${datasetId} FOR UPDATE OF g`,
      z.object({ pivot: z.string() }),
    );
    if (!group) throw new AppError("NOT_FOUND", `No prompt group ${groupId} in this dataset.`);
    const current = await effectiveReference(client, datasetId, groupId);
    return fn({ client, pivot: group.pivot, current });
  });
}

type Input = { kind: CorrectionKind; responseId: number | null; reason: string | null; undoesId?: number | null };

/**
 * A correction use case: `decide` checks the request against the locked group and says which correction
 * it makes; the correction is then recorded, the group recomputed and the result audited, in that transaction.
 */
export function correctionUseCase<I extends { groupId: number }>(
  decide: (ctx: GroupContext, input: I, datasetId: number) => Promise<Input>,
) {
  return (db: Database, datasetId: number, input: I, userId: number | null = null): Promise<CorrectionRecord> =>
    withGroupLock(db, datasetId, input.groupId, async (ctx) =>
      applyCorrection(ctx, datasetId, input.groupId, await decide(ctx, input, datasetId), userId),
    );
}

/** Records a correction, recomputes the group from its reference and audits the result (in `ctx`'s transaction). */
async function applyCorrection(
  ctx: GroupContext,
  datasetId: number,
  groupId: number,
  input: Input,
  userId: number | null,
): Promise<CorrectionRecord> {
  const { client, pivot, current } = ctx;
  const { selection, changes } = await recomputeGroup(client, {
    datasetId,
    groupId,
    pivot,
    run: current.run,
    referenceId: input.responseId,
  });
  const { id } = await queryOne(
    client,
    sql`INSERT INTO reference_corrections (dataset_id, group_id, kind, previous_response_id, response_id, user_id, reason, undoes_id)
        VALUES (${datasetId}, ${groupId}, ${input.kind}::"ReferenceCorrectionKind", ${current.responseId}, ${input.responseId}, ${userId},
                ${input.reason}, ${input.undoesId ?? null}) RETURNING id`,
    z.object({ id: z.number() }),
  );
  const record = toRecord(id, input, current.responseId, selection, changes);
  await writeCorrectionProposals(client, record.correctionId, datasetId, groupId, selection);
  await recordAuditEvent(client, {
    datasetId,
    userId,
    action: `reference.${input.kind}`,
    entity: "reference_correction",
    entityId: record.correctionId,
    data: { groupId, ...record },
  });
  return record;
}

function toRecord(
  correctionId: number,
  input: Input,
  previous: number | null,
  selection: GroupSelection,
  changes: LanguageChange[],
): CorrectionRecord {
  return {
    correctionId,
    kind: input.kind,
    previousResponseId: previous,
    responseId: input.responseId,
    reason: input.reason,
    scorer: selection.scorer,
    referenceCons: selection.reference?.cons ?? null,
    scores: selection.scores.map((s) => [Number(s.candidateId), s.kind, s.score]),
    changes,
  };
}
