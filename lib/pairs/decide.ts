import type { PoolClient } from "pg";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { autoProposalOf, autoStatus } from "@/lib/references/auto-proposal";
import type { TDecide } from "./schemas";
import { pairScoreSql } from "./pair-score-sql";

type PairRow = {
  id: number; dataset_id: number; group_id: number; language: string; chosen_id: number | null; rejected_id: number | null;
  status: string; origin: string; run_id: number | null; version: number; flagged: boolean;
};

type NextState = {
  chosen: number | null; rejected: number | null; status: string; origin: string; flagged: boolean; flagReason: string | null;
  /** keep the pair's scores, look them up (pairScoreSql), or set them (a reset to the automatic proposal). */
  scores: "keep" | "lookup" | { chosen: number | null; rejected: number | null; skipReason: string | null };
};

async function assertCandidates(client: PoolClient, pair: PairRow, ids: number[]) {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM responses WHERE id = ANY($1) AND group_id = $2 AND language = $3`,
    [ids, pair.group_id, pair.language],
  );
  if (rows[0]?.n !== new Set(ids).size || ids[0] === ids[1]) {
    throw new AppError("BAD_INPUT", `chosen and rejected must be two different ${pair.language} responses of this prompt group`);
  }
}

async function nextState(client: PoolClient, pair: PairRow, input: TDecide): Promise<NextState> {
  const d = input.decision;
  const keep = { chosen: pair.chosen_id, rejected: pair.rejected_id, flagged: pair.flagged, flagReason: null };
  switch (d.action) {
    case "accept":
      if (pair.chosen_id === null) throw new AppError("BAD_INPUT", "a skipped pair has nothing to accept; choose two responses instead");
      return { ...keep, status: "accepted", origin: "human", scores: "keep" };
    case "reject":
      return { ...keep, status: "rejected", origin: "human", scores: "keep" };
    case "swap":
      if (pair.chosen_id === null) throw new AppError("BAD_INPUT", "a skipped pair has nothing to swap");
      return { ...keep, chosen: pair.rejected_id, rejected: pair.chosen_id, status: "accepted", origin: "human", scores: "lookup" };
    case "choose":
      await assertCandidates(client, pair, [d.chosenId, d.rejectedId]);
      return { ...keep, chosen: d.chosenId, rejected: d.rejectedId, status: "accepted", origin: "human", scores: "lookup" };
    case "flag":
      return { ...keep, status: pair.status, origin: pair.origin, flagged: true, flagReason: d.reason, scores: "keep" };
    case "reset": {
      const p = await autoProposalOf(client, pair.id);
      return {
        chosen: p.chosenId, rejected: p.rejectedId, status: autoStatus(p), origin: "auto", flagged: false, flagReason: null,
        scores: { chosen: p.scoreChosen, rejected: p.scoreRejected, skipReason: p.skipReason },
      };
    }
  }
}

/**
 * Appends a human decision and applies it to the effective pair, atomically. Fails with CONFLICT
 * (and the fresh version) when another reviewer decided on the pair after `expectedVersion`.
 */
export async function decidePair(db: Database, datasetId: number, input: TDecide, userId: number | null = null): Promise<{ decisionId: number; version: number }> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<PairRow>(`SELECT * FROM pairs WHERE id = $1 AND dataset_id = $2 FOR UPDATE`, [input.pairId, datasetId]);
    const pair = rows[0];
    if (!pair) throw new AppError("NOT_FOUND", `No pair ${input.pairId} in this dataset.`);
    if (pair.version !== input.expectedVersion) {
      throw new AppError("CONFLICT", "Someone else decided on this pair meanwhile; showing its current state.", { version: pair.version });
    }
    const next = await nextState(client, pair, input);
    const set = typeof next.scores === "object" ? next.scores : null;
    // One statement: the decision row, the pair it produces and the audit event (fewer round trips).
    const { rows: written } = await client.query<{ id: number }>(
      `WITH d AS (
         INSERT INTO pair_decisions (dataset_id, pair_id, user_id, action, reason, chosen_id, rejected_id, seen_chosen_id, seen_rejected_id, seen_version)
         VALUES ($13, $1, $14, $15::"DecisionAction", $16, $2, $3, $17, $18, $19) RETURNING id
       ), u AS (
         UPDATE pairs p SET chosen_id = $2, rejected_id = $3, status = $4::"PairStatus", origin = $5::"PairOrigin", flagged = $6,
                flag_reason = CASE WHEN $6 THEN coalesce($7, p.flag_reason) ELSE NULL END, conflict = false,
                score_chosen = s.sc, score_rejected = s.sr, margin = s.sc - s.sr,
                skip_reason = CASE $8 WHEN 'set' THEN $11::text ELSE p.skip_reason END,
                last_decision_id = d.id, version = p.version + 1, updated_at = now()
         FROM d, (SELECT CASE $8 WHEN 'keep' THEN q.score_chosen WHEN 'set' THEN $9::float8
                         ELSE ${pairScoreSql("$2")} END AS sc,
                         CASE $8 WHEN 'keep' THEN q.score_rejected WHEN 'set' THEN $10::float8
                         ELSE ${pairScoreSql("$3")} END AS sr
                  FROM pairs q WHERE q.id = $1) s
         WHERE p.id = $1
         RETURNING p.id
       ), a AS (
         INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data)
         SELECT $13, $14, $20, 'pair', $12, jsonb_build_object('decisionId', d.id, 'reason', $21::text) FROM d
       )
       SELECT d.id FROM d JOIN u ON true`,
      [pair.id, next.chosen, next.rejected, next.status, next.origin, next.flagged, next.flagReason, set ? "set" : next.scores,
       set?.chosen ?? null, set?.rejected ?? null, set?.skipReason ?? null, String(pair.id), datasetId, userId, input.decision.action,
       input.reason ?? (input.decision.action === "flag" ? input.decision.reason : null), pair.chosen_id, pair.rejected_id, pair.version,
       `pair.${input.decision.action}`, input.reason ?? null],
    );
    const decisionId = written[0]!.id;
    await client.query("COMMIT");
    return { decisionId, version: pair.version + 1 };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
