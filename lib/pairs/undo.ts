import type { PoolClient } from "pg";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { autoProposalOf, autoStatus } from "@/lib/references/auto-proposal";
import { pairScoreSql } from "./pair-score-sql";

export type DecisionState = {
  chosenId: number | null; rejectedId: number | null; status: string; origin: string; flagged: boolean; flagReason: string | null;
};
export type StoredDecision = { id: number; action: string; reason: string | null; chosenId: number | null; rejectedId: number | null; undoesId: number | null };

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
      case "accept": case "swap": case "choose": s = { ...s, ...picked, status: "accepted" }; break;
      case "reject": s = { ...s, ...picked, status: "rejected" }; break;
      case "flag": s = { ...s, flagged: true, flagReason: d.reason }; break;
      case "reset": s = auto; break;
      case "undo": s = (d.undoesId !== null && before.get(d.undoesId)) || s; break;
    }
  }
  return before;
}

type LockedPair = { id: number; version: number; chosen_id: number | null; rejected_id: number | null };

async function autoState(client: PoolClient, pair: LockedPair) {
  const p = await autoProposalOf(client, pair.id);
  const state: DecisionState = { chosenId: p.chosenId, rejectedId: p.rejectedId, status: autoStatus(p), origin: "auto", flagged: false, flagReason: null };
  return { state, proposal: p };
}

/**
 * Undoes any decision of a pair by appending an `undo` decision that restores the state before it.
 * Like `decidePair`, fails with CONFLICT when the pair changed after `expectedVersion`.
 */
export async function undoDecision(
  db: Database, datasetId: number, input: { pairId: number; decisionId: number; expectedVersion: number; reason?: string }, userId: number | null = null,
): Promise<{ decisionId: number; version: number; restored: DecisionState }> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<LockedPair>(`SELECT * FROM pairs WHERE id = $1 AND dataset_id = $2 FOR UPDATE`, [input.pairId, datasetId]);
    const pair = rows[0];
    if (!pair) throw new AppError("NOT_FOUND", `No pair ${input.pairId} in this dataset.`);
    if (pair.version !== input.expectedVersion) {
      throw new AppError("CONFLICT", "Someone else decided on this pair meanwhile; showing its current state.", { version: pair.version });
    }
    const history = await client.query<StoredDecision>(
      `SELECT id, action::text, reason, chosen_id AS "chosenId", rejected_id AS "rejectedId", undoes_id AS "undoesId"
       FROM pair_decisions WHERE pair_id = $1 ORDER BY id`,
      [pair.id],
    );
    const auto = await autoState(client, pair);
    const restored = statesBefore(auto.state, history.rows).get(input.decisionId);
    if (!restored) throw new AppError("NOT_FOUND", `Decision ${input.decisionId} is not in this pair's history.`);
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO pair_decisions (dataset_id, pair_id, user_id, action, reason, chosen_id, rejected_id, seen_chosen_id, seen_rejected_id, seen_version, undoes_id)
       VALUES ($1, $2, $3, 'undo', $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [datasetId, pair.id, userId, input.reason ?? null, restored.chosenId, restored.rejectedId, pair.chosen_id, pair.rejected_id, pair.version, input.decisionId],
    );
    const decisionId = inserted.rows[0]!.id;
    // Back to the automatic proposal: its own scores (a correction's, when one is in effect).
    const isAuto = restored.origin === "auto" && restored.chosenId === auto.proposal.chosenId && restored.rejectedId === auto.proposal.rejectedId;
    await client.query(
      `UPDATE pairs p SET chosen_id = $2, rejected_id = $3, status = $4::"PairStatus", origin = $5::"PairOrigin", flagged = $6, flag_reason = $7,
              skip_reason = CASE WHEN $8 THEN $9 ELSE p.skip_reason END, conflict = false,
              score_chosen = s.sc, score_rejected = s.sr, margin = s.sc - s.sr,
              last_decision_id = $10, version = p.version + 1, updated_at = now()
       FROM (SELECT CASE WHEN $8 THEN $11::float8 ELSE ${pairScoreSql("$2")} END AS sc,
                    CASE WHEN $8 THEN $12::float8 ELSE ${pairScoreSql("$3")} END AS sr
             FROM pairs q WHERE q.id = $1) s
       WHERE p.id = $1`,
      [pair.id, restored.chosenId, restored.rejectedId, restored.status, restored.origin, restored.flagged, restored.flagReason, isAuto,
       auto.proposal.skipReason, decisionId, auto.proposal.scoreChosen, auto.proposal.scoreRejected],
    );
    await client.query(
      `INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data) VALUES ($1, $2, 'pair.undo', 'pair', $3, $4)`,
      [datasetId, userId, String(pair.id), JSON.stringify({ decisionId, undoes: input.decisionId })],
    );
    await client.query("COMMIT");
    return { decisionId, version: pair.version + 1, restored };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
