import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { runBulk } from "./bulk";
import { decidePair } from "./decide";
import { pairHistory } from "./detail";
import { decideOrConflict } from "./review";
import { seedPairsFixture } from "./test-fixture";
import { undoDecision } from "./undo";
import { parsePairTableParams } from "./table";

let t: TestDatabase;
let undoSet: number;
let bulkSet: number;

beforeAll(async () => {
  t = await createTestDatabase();
  undoSet = (await seedPairsFixture(t.db, "undo", 6)).datasetId;
  bulkSet = (await seedPairsFixture(t.db, "bulk", 10)).datasetId;
}, 240_000);
afterAll(async () => t.drop());

type Snapshot = { chosen_id: number | null; rejected_id: number | null; status: string; origin: string; flagged: boolean; margin: number | null; version: number };

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
    const { decisionId } = await decidePair(t.db, undoSet, { pairId: pair!.id, expectedVersion: before.version, decision: { action: "swap" } });
    expect(await snapshot(pair!.id)).toMatchObject({ chosen_id: before.rejected_id, rejected_id: before.chosen_id, origin: "human", status: "accepted" });
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
    const reject = await decidePair(t.db, undoSet, { pairId: pair!.id, expectedVersion: v, decision: { action: "reject" }, reason: "wrong answer" });
    const flag = await decidePair(t.db, undoSet, { pairId: pair!.id, expectedVersion: v + 1, decision: { action: "flag", reason: "check the reference" } });
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
    const { decisionId } = await decidePair(t.db, undoSet, { pairId: pair!.id, expectedVersion: pair!.version, decision: { action: "accept" } });
    await expect(undoDecision(t.db, undoSet, { pairId: pair!.id, decisionId, expectedVersion: pair!.version })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await pairHistory(t.db, undoSet, pair!.id)).toHaveLength(1);
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

describe("bulk actions", () => {
  async function count(sql: string, params: unknown[]) {
    return (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pairs p WHERE p.dataset_id = $1 AND ${sql}`, [bulkSet, ...params])).rows[0]!.n;
  }

  it("accepts every pair of the filter result, across batches, with one decision each and an audit record", async () => {
    const expected = await count(`language = 'de' AND chosen_id IS NOT NULL AND origin = 'auto'`, []);
    const untouched = await count(`NOT (language = 'de')`, []);
    expect(expected).toBeGreaterThan(3);
    const progress: number[] = [];
    const r = await runBulk(t.db, bulkSet, parsePairTableParams({ lang: "de", origin: "auto" }), { action: "accept" }, null, (done) => progress.push(done), 3);
    expect(r).toMatchObject({ total: expected, changed: expected });
    expect(progress.at(-1)).toBe(expected);
    expect(progress.length).toBe(Math.ceil(expected / 3));
    expect(await count(`language = 'de' AND status = 'accepted' AND origin = 'human'`, [])).toBe(expected);
    expect(await count(`NOT (language = 'de') AND origin = 'auto'`, [])).toBe(untouched);
    const decisions = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pair_decisions WHERE dataset_id = $1 AND reason = $2`, [bulkSet, `bulk #${r.bulkId}`]);
    expect(decisions.rows[0]!.n).toBe(expected);
    const audit = await t.db.pool.query<{ action: string; data: { total?: number; changed?: number } }>(
      `SELECT action, data FROM audit_events WHERE dataset_id = $1 ORDER BY id`, [bulkSet],
    );
    expect(audit.rows.map((a) => [a.action, a.data.total ?? a.data.changed])).toEqual([["pairs.bulk.accept", expected], ["pairs.bulk.finish", expected]]);
  });

  it("rejects only the pairs below the margin, then resets them to the run's proposal", async () => {
    const below = await count(`language = 'ar' AND margin < 0.2`, []);
    const r = await runBulk(t.db, bulkSet, parsePairTableParams({ lang: "ar" }), { action: "reject", belowMargin: 0.2 }, null, undefined, 2);
    expect(r.changed).toBe(below);
    expect(await count(`language = 'ar' AND status = 'rejected'`, [])).toBe(below);
    const reset = await runBulk(t.db, bulkSet, parsePairTableParams({ origin: "human" }), { action: "reset" }, null, undefined, 4);
    expect(reset.changed).toBe(below + (await count(`language = 'de' AND chosen_id IS NOT NULL`, [])));
    expect(await count(`origin = 'human'`, [])).toBe(0);
    const mismatched = await t.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pairs p JOIN run_proposals rp ON rp.run_id = p.run_id AND rp.group_id = p.group_id AND rp.language = p.language
       WHERE p.dataset_id = $1 AND (p.chosen_id IS DISTINCT FROM rp.chosen_id OR p.margin IS DISTINCT FROM rp.margin)`,
      [bulkSet],
    );
    expect(mismatched.rows[0]!.n).toBe(0);
  });
});
