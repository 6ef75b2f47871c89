import type { PoolClient } from "pg";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryMaybeOne, queryOne, sql, type Sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { autoProposalOf, autoStatus } from "@/lib/effective-pair/auto-proposal";
import { pairScore } from "@/lib/effective-pair/pair-score";
import { AppError } from "@/lib/errors";
import type { TDecide } from "./schemas";

type PairRow = z.infer<typeof ZLockedPair>;

type NextState = {
  chosen: number | null;
  rejected: number | null;
  status: string;
  origin: string;
  flagged: boolean;
  flagReason: string | null;
  /** keep the pair's scores, look them up (pairScoreSql), or set them (a reset to the automatic proposal). */
  scores: "keep" | "lookup" | { chosen: number | null; rejected: number | null; skipReason: string | null };
};

async function assertCandidates(client: PoolClient, pair: PairRow, ids: number[]) {
  const { n } = await queryOne(
    client,
    sql`SELECT count(*)::int AS n FROM responses WHERE id = ANY(${ids}::int[]) AND group_id = ${pair.group_id} AND language = ${pair.language}`,
    z.object({ n: z.number() }),
  );
  if (n !== new Set(ids).size || ids[0] === ids[1]) {
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
        chosen: p.chosenId,
        rejected: p.rejectedId,
        status: autoStatus(p),
        origin: "auto",
        flagged: false,
        flagReason: null,
        scores: { chosen: p.scoreChosen, rejected: p.scoreRejected, skipReason: p.skipReason },
      };
    }
  }
}

const ZLockedPair = z.object({
  id: z.number(),
  group_id: z.number(),
  language: z.string(),
  chosen_id: z.number().nullable(),
  rejected_id: z.number().nullable(),
  status: z.string(),
  origin: z.string(),
  version: z.number(),
  flagged: z.boolean(),
});

/** The pair's scores after the decision: kept, looked up for the responses it now holds (pairScore), or set (a reset). */
function nextScores(next: NextState): { chosen: Sql; rejected: Sql } {
  if (next.scores === "keep") return { chosen: sql`q.score_chosen`, rejected: sql`q.score_rejected` };
  if (next.scores === "lookup") return { chosen: pairScore("q", next.chosen), rejected: pairScore("q", next.rejected) };
  return { chosen: sql`${next.scores.chosen}::float8`, rejected: sql`${next.scores.rejected}::float8` };
}

/**
 * Appends a human decision and applies it to the effective pair, atomically. Fails with CONFLICT
 * (and the fresh version) when another reviewer decided on the pair after `expectedVersion`.
 */
export async function decidePair(
  db: Database,
  datasetId: number,
  input: TDecide,
  userId: number | null = null,
): Promise<{ decisionId: number; version: number }> {
  return withTransaction(db, (tx) => applyDecision(tx, datasetId, input, userId));
}

/**
 * The pair row (decoded by `row`) locked for update in the caller's transaction: NOT_FOUND outside
 * the dataset, CONFLICT (with the current version) when another decision came after `expectedVersion`.
 */
export async function lockPairAtVersion<T extends { version: number }>(
  tx: PoolClient,
  datasetId: number,
  { pairId, expectedVersion }: { pairId: number; expectedVersion: number },
  row: z.ZodType<T>,
): Promise<T> {
  const pair = await queryMaybeOne(tx, sql`SELECT * FROM pairs WHERE id = ${pairId} AND dataset_id = ${datasetId} FOR UPDATE`, row);
  if (!pair) throw new AppError("NOT_FOUND", `No pair ${pairId} in this dataset.`);
  if (pair.version !== expectedVersion) {
    throw new AppError("CONFLICT", "Someone else decided on this pair meanwhile; showing its current state.", { version: pair.version });
  }
  return pair;
}

/** decidePair inside a transaction the caller holds (a team-review consensus settles a pair this way). */
export async function applyDecision(
  tx: PoolClient,
  datasetId: number,
  input: TDecide,
  userId: number | null,
): Promise<{ decisionId: number; version: number }> {
  const pair = await lockPairAtVersion(tx, datasetId, input, ZLockedPair);
  const next = await nextState(tx, pair, input);
  const action = input.decision.action;
  const scores = nextScores(next);
  const skipReason = typeof next.scores === "object" ? sql`${next.scores.skipReason}::text` : sql`p.skip_reason`;
  const decisionReason = input.reason ?? (input.decision.action === "flag" ? input.decision.reason : null);
  // One statement: the decision row, the pair it produces and the audit event. The audit row is
  // written here rather than by recordAuditEvent because it needs the decision id the same
  // statement generates: a separate call would cost a second round trip on the review hot path.
  const { id: decisionId } = await queryOne(
    tx,
    sql`WITH d AS (
          INSERT INTO pair_decisions (dataset_id, pair_id, user_id, action, reason, chosen_id, rejected_id, seen_chosen_id, seen_rejected_id, seen_version)
          VALUES (${datasetId}, ${pair.id}, ${userId}, ${action}::"DecisionAction", ${decisionReason}, ${next.chosen}::int, ${next.rejected}::int,
                  ${pair.chosen_id}::int, ${pair.rejected_id}::int, ${pair.version}) RETURNING id
        ), u AS (
          UPDATE pairs p SET chosen_id = ${next.chosen}::int, rejected_id = ${next.rejected}::int, status = ${next.status}::"PairStatus",
                 origin = ${next.origin}::"PairOrigin", flagged = ${next.flagged},
                 flag_reason = CASE WHEN ${next.flagged} THEN coalesce(${next.flagReason}::text, p.flag_reason) ELSE NULL END, conflict = false,
                 score_chosen = s.sc, score_rejected = s.sr, margin = s.sc - s.sr,
                 skip_reason = ${skipReason},
                 last_decision_id = d.id, version = p.version + 1, updated_at = now()
          FROM d, (SELECT ${scores.chosen} AS sc, ${scores.rejected} AS sr FROM pairs q WHERE q.id = ${pair.id}) s
          WHERE p.id = ${pair.id}
          RETURNING p.id
        ), a AS (
          INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data)
          SELECT ${datasetId}::int, ${userId}::int, ${`pair.${action}`}::text, 'pair', ${String(pair.id)}::text,
                 jsonb_build_object('decisionId', d.id, 'reason', ${input.reason ?? null}::text) FROM d
        )
        SELECT d.id FROM d JOIN u ON true`,
    z.object({ id: z.number() }),
  );
  return { decisionId, version: pair.version + 1 };
}
