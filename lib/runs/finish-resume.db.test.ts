import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGeneratedGroups } from "@/lib/datasets/seed-demo";
import { generateGroups } from "@/lib/demo";
import { killHard, spawnWorker, stopGracefully, waitFor } from "@/lib/testing/kill-worker";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createSelectRun } from "./create-select-run";

// A select run in short transactions (one group each, fixed by transactionGroups),
// on both databases: its worker is killed (kill -9) while it commits its one chunk slice by slice, the
// next one while it publishes the pairs step by step; each next worker resumes after what was
// committed, so progress adds up and every pair is written once (version 0 on a new dataset; one
// pair per group: de against the pivot en).

const GROUPS = 150;
let t: TestDatabase;
let datasetId: number;

const worker = () => spawnWorker(t.url, { CM_JOB_TRANSACTION_GROUPS: "1" });

async function state(runId: number) {
  const { rows } = await t.db.pool.query<{ status: string; cursor: number | null; done: number; pairs: number; rewritten: number }>(
    `SELECT status::text, cursor_id AS cursor, done_items AS done,
            (SELECT count(*)::int FROM pairs WHERE dataset_id = $2) AS pairs,
            (SELECT count(*)::int FROM pairs WHERE dataset_id = $2 AND version <> 0) AS rewritten
     FROM pipeline_runs WHERE id = $1`,
    [runId, datasetId],
  );
  return rows[0]!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const d = await t.db.prisma.dataset.create({ data: { slug: "finish-resume", name: "finish-resume", languages: ["en", "de"] } });
  datasetId = d.id;
  await loadGeneratedGroups(t.db, datasetId, generateGroups({ seed: 11, groups: GROUPS, languages: ["en", "de"], samples: 3 }));
}, 120_000);
afterAll(async () => t.drop());

describe("a select run in short transactions killed (kill -9) mid-chunk, then while it publishes its pairs", () => {
  it("resumes after the last slice and the last step committed: progress counted and every pair written once", async () => {
    const { runId } = await createSelectRun(t.db, datasetId, { scorer: "lexical" });
    const first = worker();
    await waitFor(
      () => state(runId),
      (s) => s.done > 0,
    );
    await killHard(first);
    const midChunk = await state(runId);
    expect(midChunk).toMatchObject({ status: "running", cursor: null, pairs: 0 });
    expect(midChunk.done).toBeLessThan(GROUPS);
    const { rows: chunk } = await t.db.pool.query<{ done_groups: number; cursor: number | null }>(
      `SELECT done_groups, cursor_group_id AS cursor FROM run_chunks WHERE run_id = $1`,
      [runId],
    );
    expect(chunk).toEqual([{ done_groups: midChunk.done, cursor: expect.any(Number) }]);

    const second = worker();
    await waitFor(
      () => state(runId),
      (s) => s.cursor !== null,
    );
    await killHard(second);
    const publishing = await state(runId);
    expect(publishing).toMatchObject({ status: "running", done: GROUPS, rewritten: 0 });
    expect(publishing.pairs).toBeGreaterThan(0);
    expect(publishing.pairs).toBeLessThan(GROUPS);

    const third = worker();
    try {
      const done = await waitFor(
        () => state(runId),
        (s) => s.status === "succeeded",
      );
      expect(done).toMatchObject({ status: "succeeded", done: GROUPS, pairs: GROUPS, rewritten: 0 });
    } finally {
      await stopGracefully(third);
    }
    const { rows } = await t.db.pool.query<{ proposals: number; ours: number; summary_pairs: number | null }>(
      `SELECT (SELECT count(*)::int FROM run_proposals WHERE run_id = $1) AS proposals,
              (SELECT count(*)::int FROM pairs WHERE dataset_id = $2 AND run_id = $1) AS ours,
              (SELECT (summary->>'pairs')::int + coalesce((SELECT sum(value::int) FROM jsonb_each_text(summary->'skipped')), 0)::int
               FROM pipeline_runs WHERE id = $1) AS summary_pairs`,
      [runId, datasetId],
    );
    expect(rows[0]).toEqual({ proposals: GROUPS, ours: GROUPS, summary_pairs: GROUPS });
  }, 240_000);
});
