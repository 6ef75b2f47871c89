import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { execute, queryOne, queryRows, sql, type Queryable } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { autoProposalOf, autoStatus } from "@/lib/effective-pair/auto-proposal";
import { pairScore } from "@/lib/effective-pair/pair-score";
import { AppError } from "@/lib/errors";
import { lockPairAtVersion } from "./decide";

export type DecisionState = {
  chosenId: number | null;
  rejectedId: number | null;
  status: string;
  origin: string;
  flagged: boolean;
  flagReason: string | null;
};
const ZStoredDecision = z.object({
  id: z.number(),
  action: z.string(),
  reason: z.string().nullable(),
  chosenId: z.number().nullable(),
  rejectedId: z.number().nullable(),
  undoesId: z.number().nullable(),
});
export type StoredDecision = z.infer<typeof ZStoredDecision>;

/**
 * The pair's state just before each decision, replayed from the run's proposal (`auto`) through the
 * append-only history (oldest first). A decision row stores the pair it produced, so the replay needs
 * nothing else; an undo restores the state before the decision it undoes.
 */
export function statesBefore(auto: DecisionState, decisions: StoredDecision[]): Map<number, DecisionState> {
  const before = new Map<number, DecisionState>();
  let s = auto;
  for (const d of decisions) {
    before.set(d.id, s);
    const picked = { chosenId: d.chosenId, rejectedId: d.rejectedId, origin: "human" };
    switch (d.action) {
      case "accept":
      case "swap":
      case "choose":
        s = { ...s, ...picked, status: "accepted" };
        break;
      case "reject":
        s = { ...s, ...picked, status: "rejected" };
        break;
      case "flag":
        s = { ...s, flagged: true, flagReason: d.reason };
        break;
      case "reset":
        s = auto;
        break;
      case "undo":
        s = (d.undoesId !== null && before.get(d.undoesId)) || s;
        break;
    }
  }
  return before;
}

const ZLockedPair = z.object({ id: z.number(), version: z.number(), chosen_id: z.number().nullable(), rejected_id: z.number().nullable() });
type LockedPair = z.infer<typeof ZLockedPair>;

async function autoState(client: Queryable, pair: LockedPair) {
  const p = await autoProposalOf(client, pair.id);
  const state: DecisionState = {
    chosenId: p.chosenId,
    rejectedId: p.rejectedId,
    status: autoStatus(p),
    origin: "auto",
    flagged: false,
    flagReason: null,
  };
  return { state, proposal: p };
}

/**
 * Undoes any decision of a pair by appending an `undo` decision that restores the state before it.
 * Like `decidePair`, fails with CONFLICT when the pair changed after `expectedVersion`.
 */
export async function undoDecision(
  db: Database,
  datasetId: number,
  input: { pairId: number; decisionId: number; expectedVersion: number; reason?: string },
  userId: number | null = null,
): Promise<{ decisionId: number; version: number; restored: DecisionState }> {
  return withTransaction(db, async (tx) => {
    const pair = await lockPairAtVersion(tx, datasetId, input, ZLockedPair);
    const history = await queryRows(
      tx,
      sql`SELECT id, action::text, reason, chosen_id AS "chosenId", rejected_id AS "rejectedId", undoes_id AS "undoesId"
          FROM pair_decisions WHERE pair_id = ${pair.id} ORDER BY id`,
      ZStoredDecision,
    );
    const auto = await autoState(tx, pair);
    const restored = statesBefore(auto.state, history).get(input.decisionId);
    if (!restored) throw new AppError("NOT_FOUND", `Decision ${input.decisionId} is not in this pair's history.`);
    const { id: decisionId } = await queryOne(
      tx,
      sql`INSERT INTO pair_decisions (dataset_id, pair_id, user_id, action, reason, chosen_id, rejected_id, seen_chosen_id, seen_rejected_id, seen_version, undoes_id)
          VALUES (${datasetId}, ${pair.id}, ${userId}, 'undo', ${input.reason ?? null}, ${restored.chosenId}, ${restored.rejectedId},
                  ${pair.chosen_id}, ${pair.rejected_id}, ${pair.version}, ${input.decisionId}) RETURNING id`,
      z.object({ id: z.number() }),
    );
    // Back to the automatic proposal: its own scores (a correction's, when one is in effect).
    const isAuto =
      restored.origin === "auto" && restored.chosenId === auto.proposal.chosenId && restored.rejectedId === auto.proposal.rejectedId;
    const scores = isAuto
      ? { chosen: sql`${auto.proposal.scoreChosen}::float8`, rejected: sql`${auto.proposal.scoreRejected}::float8` }
      : { chosen: pairScore("q", restored.chosenId), rejected: pairScore("q", restored.rejectedId) };
    await execute(
      tx,
      sql`UPDATE pairs p SET chosen_id = ${restored.chosenId}::int, rejected_id = ${restored.rejectedId}::int, status = ${restored.status}::"PairStatus",
                 origin = ${restored.origin}::"PairOrigin", flagged = ${restored.flagged}, flag_reason = ${restored.flagReason}::text,
                 skip_reason = ${isAuto ? sql`${auto.proposal.skipReason}::text` : sql`p.skip_reason`}, conflict = false,
                 score_chosen = s.sc, score_rejected = s.sr, margin = s.sc - s.sr,
                 last_decision_id = ${decisionId}, version = p.version + 1, updated_at = now()
          FROM (SELECT ${scores.chosen} AS sc, ${scores.rejected} AS sr FROM pairs q WHERE q.id = ${pair.id}) s
          WHERE p.id = ${pair.id}`,
    );
    await recordAuditEvent(tx, {
      datasetId,
      userId,
      action: "pair.undo",
      entity: "pair",
      entityId: pair.id,
      data: { decisionId, undoes: input.decisionId },
    });
    return { decisionId, version: pair.version + 1, restored };
  });
}
