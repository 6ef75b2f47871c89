import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { queryOne, queryRows, sql } from "@/lib/db/sql";
import { applyBulkBatch } from "@/lib/pairs/bulk";
import { decidePair } from "@/lib/pairs/decide";
import { parsePairTableParams } from "@/lib/pairs/table";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { undoDecision } from "@/lib/pairs/undo";
import { pickReference } from "@/lib/references/pick-reference";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { AUTO_STATUS_SQL, autoProposalJoin } from "./auto-proposal";

// Every writer of `pairs` goes through the effective-pair rule: after it, each auto pair is exactly
// its automatic proposal (autoProposalJoin: the correction in effect's, else its run's) with the
// status autoStatus gives it, and the written proposal came from where the rule says.

let t: TestDatabase;
let datasetId: number;

const ZPair = z.object({
  id: z.number(),
  group_id: z.number(),
  language: z.string(),
  version: z.number(),
  origin: z.string(),
  holds: z.boolean(),
  from_correction: z.boolean(),
});

/** Every pair of the dataset, with whether it holds its automatic proposal (pair, scores, margin, skip, status) and whether that came from a correction. */
async function pairs() {
  return queryRows(
    t.db.pool,
    sql`SELECT p.id, p.group_id, p.language, p.version, p.origin::text AS origin,
               coalesce(ap.found AND p.chosen_id IS NOT DISTINCT FROM ap.chosen_id AND p.rejected_id IS NOT DISTINCT FROM ap.rejected_id
                 AND p.score_chosen IS NOT DISTINCT FROM ap.score_chosen AND p.score_rejected IS NOT DISTINCT FROM ap.score_rejected
                 AND p.margin IS NOT DISTINCT FROM ap.margin AND p.skip_reason IS NOT DISTINCT FROM ap.skip_reason
                 AND p.status = ${AUTO_STATUS_SQL}, false) AS holds,
               EXISTS (SELECT 1 FROM reference_proposals cp JOIN reference_corrections c ON c.id = cp.correction_id
                       WHERE c.group_id = p.group_id AND cp.language = p.language
                         AND c.created_at > coalesce((SELECT finished_at FROM pipeline_runs WHERE id = p.run_id), '-infinity'::timestamp)) AS from_correction
        FROM pairs p ${autoProposalJoin("p")} WHERE p.dataset_id = ${datasetId} ORDER BY p.id`,
    ZPair,
  );
}

async function expectAutoPairsHoldTheirProposal() {
  const all = await pairs();
  const auto = all.filter((p) => p.origin === "auto");
  expect(auto.length).toBeGreaterThan(0);
  expect(auto.filter((p) => !p.holds)).toEqual([]);
  return all;
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ datasetId } = await seedPairsFixture(t.db, "writers", 6));
});
afterAll(async () => t?.drop());

async function pairOf(groupId: number, language: string) {
  return (await pairs()).find((p) => p.group_id === groupId && p.language === language)!;
}

describe("every writer of pairs goes through the effective-pair module", () => {
  let groupId: number;

  it("select-run materialisation writes each run proposal as the auto pair", async () => {
    const all = await expectAutoPairsHoldTheirProposal();
    expect(all.every((p) => p.origin === "auto" && !p.from_correction)).toBe(true);
    groupId = all[0]!.group_id;
  });

  it("a reference correction recomputes the group's auto pairs to the correction's proposals and keeps human pairs", async () => {
    const human = (await pairs()).find((p) => p.group_id === groupId)!;
    await decidePair(t.db, datasetId, { pairId: human.id, expectedVersion: human.version, decision: { action: "reject" } });
    const { id: other } = await queryOne(
      t.db.pool,
      sql`SELECT r.id FROM responses r JOIN datasets d ON d.id = r.dataset_id
          WHERE r.group_id = ${groupId} AND r.language = d.pivot_language
            AND r.id IS DISTINCT FROM (SELECT response_id FROM run_references WHERE group_id = ${groupId})
          ORDER BY r.sample_index LIMIT 1`,
      z.object({ id: z.number() }),
    );
    await pickReference(t.db, datasetId, { groupId, responseId: other, reason: null });
    const all = await expectAutoPairsHoldTheirProposal();
    const group = all.filter((p) => p.group_id === groupId);
    expect(group.every((p) => p.from_correction)).toBe(true);
    expect(group.find((p) => p.id === human.id)!.origin).toBe("human");
  });

  it("decide: a reset returns the pair to the automatic proposal in effect (the correction's)", async () => {
    const pair = (await pairs()).find((p) => p.group_id === groupId && p.origin === "human")!;
    await decidePair(t.db, datasetId, { pairId: pair.id, expectedVersion: pair.version, decision: { action: "reset" } });
    const after = await pairOf(groupId, pair.language);
    expect(after).toMatchObject({ origin: "auto", holds: true, from_correction: true });
  });

  it("undo back to auto restores the automatic proposal in effect with its scores", async () => {
    const pair = (await pairs()).find((p) => p.group_id === groupId)!;
    const { decisionId } = await decidePair(t.db, datasetId, {
      pairId: pair.id,
      expectedVersion: pair.version,
      decision: { action: "swap" },
    });
    const swapped = await pairOf(groupId, pair.language);
    expect(swapped).toMatchObject({ origin: "human", holds: false });
    await undoDecision(t.db, datasetId, { pairId: pair.id, decisionId, expectedVersion: swapped.version });
    expect(await pairOf(groupId, pair.language)).toMatchObject({ origin: "auto", holds: true, from_correction: true });
    await expectAutoPairsHoldTheirProposal();
  });

  it("bulk reset returns every human pair to its automatic proposal", async () => {
    for (const p of (await pairs()).slice(0, 6)) {
      await decidePair(t.db, datasetId, { pairId: p.id, expectedVersion: p.version, decision: { action: "reject" } });
    }
    const filter = parsePairTableParams({});
    const client = await t.db.pool.connect();
    try {
      const r = await applyBulkBatch(client, {
        datasetId,
        runId: 0,
        filter,
        spec: { action: "reset" },
        afterId: 0,
        userId: null,
        size: 100,
      });
      expect(r.changed).toBe(6);
    } finally {
      client.release();
    }
    const all = await expectAutoPairsHoldTheirProposal();
    expect(all.every((p) => p.origin === "auto")).toBe(true);
  });

  it("a newer select run takes over every auto pair from its own proposals, the correction no longer in effect", async () => {
    const { runId } = await createSelectRun(t.db, datasetId, { scorer: "lexical" });
    await executeSelectRun(t.db, runId);
    const all = await expectAutoPairsHoldTheirProposal();
    expect(all.some((p) => p.from_correction)).toBe(false);
  });
});
