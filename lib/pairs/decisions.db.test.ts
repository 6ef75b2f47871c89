import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lexicalTextSimilarity } from "@/lib/pipeline/lexical";
import { pickReference } from "@/lib/references/pick-reference";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { decidePair } from "./decide";
import { getPairDetail, pairHistory } from "./detail";
import { listPairs } from "./queries";
import { parsePairTableParams } from "./table";
import { decideOrConflict } from "./review";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { undoDecision } from "./undo";

let t: TestDatabase;
let undoSet: number;

beforeAll(async () => {
  t = await createTestDatabase();
  undoSet = (await seedPairsFixture(t.db, "undo", 6)).datasetId;
}, 240_000);
afterAll(async () => t.drop());

type Snapshot = {
  chosen_id: number | null;
  rejected_id: number | null;
  status: string;
  origin: string;
  flagged: boolean;
  margin: number | null;
  version: number;
};

async function snapshot(pairId: number): Promise<Snapshot> {
  const { rows } = await t.db.pool.query<Snapshot>(
    `SELECT chosen_id, rejected_id, status::text, origin::text, flagged, margin, version FROM pairs WHERE id = $1`,
    [pairId],
  );
  return rows[0]!;
}

async function proposedPairs(datasetId: number) {
  return t.db.prisma.pair.findMany({ where: { datasetId, status: "proposed" }, orderBy: { id: "asc" } });
}

describe("undo", () => {
  it("undoing the only decision restores the run's proposal", async () => {
    const [pair] = await proposedPairs(undoSet);
    const before = await snapshot(pair!.id);
    const { decisionId } = await decidePair(t.db, undoSet, {
      pairId: pair!.id,
      expectedVersion: before.version,
      decision: { action: "swap" },
    });
    expect(await snapshot(pair!.id)).toMatchObject({
      chosen_id: before.rejected_id,
      rejected_id: before.chosen_id,
      origin: "human",
      status: "accepted",
    });
    const undo = await undoDecision(t.db, undoSet, { pairId: pair!.id, decisionId, expectedVersion: before.version + 1 });
    expect(await snapshot(pair!.id)).toEqual({ ...before, version: before.version + 2 });
    const history = await pairHistory(t.db, undoSet, pair!.id);
    expect(history.map((h) => [h.id, h.action, h.undoesId, h.undoneBy])).toEqual([
      [undo.decisionId, "undo", decisionId, null],
      [decisionId, "swap", null, undo.decisionId],
    ]);
  });

  it("undoing an older decision restores the state before it; undoing that undo re-applies it", async () => {
    const [, pair] = await proposedPairs(undoSet);
    const auto = await snapshot(pair!.id);
    const v = auto.version;
    const reject = await decidePair(t.db, undoSet, {
      pairId: pair!.id,
      expectedVersion: v,
      decision: { action: "reject" },
      reason: "wrong answer",
    });
    const flag = await decidePair(t.db, undoSet, {
      pairId: pair!.id,
      expectedVersion: v + 1,
      decision: { action: "flag", reason: "check the reference" },
    });
    expect(await snapshot(pair!.id)).toMatchObject({ status: "rejected", origin: "human", flagged: true });
    const undoFlag = await undoDecision(t.db, undoSet, { pairId: pair!.id, decisionId: flag.decisionId, expectedVersion: v + 2 });
    expect(await snapshot(pair!.id)).toMatchObject({ status: "rejected", origin: "human", flagged: false, version: v + 3 });
    const undoReject = await undoDecision(t.db, undoSet, { pairId: pair!.id, decisionId: reject.decisionId, expectedVersion: v + 3 });
    expect(await snapshot(pair!.id)).toEqual({ ...auto, version: v + 4 });
    await undoDecision(t.db, undoSet, { pairId: pair!.id, decisionId: undoReject.decisionId, expectedVersion: v + 4 });
    expect(await snapshot(pair!.id)).toMatchObject({ status: "rejected", origin: "human", flagged: false, version: v + 5 });
    expect((await pairHistory(t.db, undoSet, pair!.id)).map((h) => h.action)).toEqual(["undo", "undo", "undo", "flag", "reject"]);
    expect(undoFlag.restored.flagged).toBe(false);
  });

  it("a stale undo is a conflict and appends nothing", async () => {
    const [, , pair] = await proposedPairs(undoSet);
    const { decisionId } = await decidePair(t.db, undoSet, {
      pairId: pair!.id,
      expectedVersion: pair!.version,
      decision: { action: "accept" },
    });
    await expect(undoDecision(t.db, undoSet, { pairId: pair!.id, decisionId, expectedVersion: pair!.version })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await pairHistory(t.db, undoSet, pair!.id)).toHaveLength(1);
  });
});

describe("scores of a human pair", () => {
  it("swap and choose keep the pair's own scores for responses already in it (a correction's, not the run's)", async () => {
    const [, , , pair] = await proposedPairs(undoSet);
    // As a reference correction leaves it: the pair's scores differ from its run's scores.
    await t.db.pool.query(`UPDATE pairs SET score_chosen = 0.9, score_rejected = 0.2, margin = 0.7 WHERE id = $1`, [pair!.id]);
    const v = (await snapshot(pair!.id)).version;
    await decidePair(t.db, undoSet, { pairId: pair!.id, expectedVersion: v, decision: { action: "swap" } });
    const swapped = await t.db.pool.query<{ score_chosen: number; score_rejected: number; margin: number }>(
      `SELECT score_chosen, score_rejected, margin FROM pairs WHERE id = $1`,
      [pair!.id],
    );
    expect(swapped.rows[0]).toEqual({ score_chosen: 0.2, score_rejected: 0.9, margin: 0.2 - 0.9 });
    const other = await t.db.pool.query<{ id: number; score: number }>(
      `SELECT r.id, s.score FROM responses r JOIN run_scores s ON s.response_id = r.id AND s.run_id = $4
       WHERE r.group_id = $1 AND r.language = $2 AND r.id NOT IN ($3, $5) ORDER BY r.id LIMIT 1`,
      [pair!.groupId, pair!.language, pair!.chosenId, pair!.runId, pair!.rejectedId],
    );
    const third = other.rows[0]!;
    await decidePair(t.db, undoSet, {
      pairId: pair!.id,
      expectedVersion: v + 1,
      decision: { action: "choose", chosenId: third.id, rejectedId: pair!.chosenId! },
    });
    const chosen = await t.db.pool.query<{ score_chosen: number; score_rejected: number }>(
      `SELECT score_chosen, score_rejected FROM pairs WHERE id = $1`,
      [pair!.id],
    );
    expect(chosen.rows[0]).toEqual({ score_chosen: third.score, score_rejected: 0.9 });
  });
});

describe("scores under a reference correction", () => {
  it("the pair shows the correction's reference and its Cons, and choosing a response new to the pair takes the correction's score for it", async () => {
    const pair = (await proposedPairs(undoSet)).filter((p) => p.language === "de").at(-1)!;
    const q = async <R extends object>(sql: string, values: unknown[]) => (await t.db.pool.query<R>(sql, values)).rows;
    const [runRef] = await q<{ response_id: number }>(`SELECT response_id FROM run_references WHERE run_id = $1 AND group_id = $2`, [
      pair.runId,
      pair.groupId,
    ]);
    const [newRef] = await q<{ id: number; text: string }>(
      `SELECT id, text FROM responses WHERE group_id = $1 AND language = 'en' AND id <> $2 AND trim(text) <> '' ORDER BY id LIMIT 1`,
      [pair.groupId, runRef!.response_id],
    );
    await pickReference(t.db, undoSet, { groupId: pair.groupId, responseId: newRef!.id, reason: "a better reference" });
    const corrected = await t.db.prisma.pair.findUniqueOrThrow({ where: { id: pair.id } });
    // The pair now shows the corrected reference and its Cons (mean chrF-sym to the other English samples), not the run's.
    const english = await q<{ id: number; text: string }>(
      `SELECT id, text FROM responses WHERE group_id = $1 AND language = 'en' AND trim(text) <> '' AND id <> $2`,
      [pair.groupId, newRef!.id],
    );
    const cons = english.reduce((sum, e) => sum + lexicalTextSimilarity(newRef!.text, e.text), 0) / english.length;
    const detail = await getPairDetail(t.db, undoSet, pair.id);
    expect(detail.reference?.id).toBe(newRef!.id);
    expect(detail.reference?.cons).toBeCloseTo(cons, 12);
    const listed = (await listPairs(t.db, undoSet, { ...parsePairTableParams({ sort: "id", size: "200" }), after: null })).rows.find(
      (r) => r.id === pair.id,
    );
    expect(listed?.cons).toBeCloseTo(cons, 12);
    const others = await q<{ id: number; text: string; run_score: number }>(
      `SELECT r.id, r.text, s.score AS run_score FROM responses r JOIN run_scores s ON s.response_id = r.id AND s.run_id = $3
       WHERE r.group_id = $1 AND r.language = 'de' AND r.id NOT IN ($2, $4) ORDER BY r.id`,
      [pair.groupId, corrected.chosenId, pair.runId, corrected.rejectedId],
    );
    const third = others.find((o) => Math.abs(lexicalTextSimilarity(o.text, newRef!.text) - o.run_score) > 1e-9)!;
    expect(third).toBeDefined();
    await decidePair(t.db, undoSet, {
      pairId: pair.id,
      expectedVersion: corrected.version,
      decision: { action: "choose", chosenId: third.id, rejectedId: corrected.rejectedId! },
    });
    const after = await t.db.prisma.pair.findUniqueOrThrow({ where: { id: pair.id } });
    expect(after.scoreChosen).toBeCloseTo(lexicalTextSimilarity(third.text, newRef!.text), 12);
    expect(after.scoreRejected).toBe(corrected.scoreRejected);
  });
});

describe("concurrent decisions", () => {
  it("two reviewers decide on one pair at once: one wins, the other gets the conflict and the fresh state", async () => {
    const [, , , pair] = await proposedPairs(undoSet);
    const seen = pair!.version;
    const outcomes = await Promise.all([
      decideOrConflict(t.db, undoSet, { pairId: pair!.id, expectedVersion: seen, decision: { action: "accept" } }),
      decideOrConflict(t.db, undoSet, { pairId: pair!.id, expectedVersion: seen, decision: { action: "reject" } }),
    ]);
    const won = outcomes.filter((o) => o.applied);
    const lost = outcomes.filter((o) => !o.applied);
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(lost[0]).toMatchObject({ conflict: "Someone else decided on this pair meanwhile; showing its current state." });
    const now = await snapshot(pair!.id);
    expect(now.version).toBe(seen + 1);
    expect(lost[0]!.detail.pair).toMatchObject({ version: seen + 1, status: now.status });
    expect(await pairHistory(t.db, undoSet, pair!.id)).toHaveLength(1);
  });
});
