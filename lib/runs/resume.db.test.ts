import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateGroups } from "@/lib/demo";
import { loadGeneratedGroups } from "@/lib/datasets/seed-demo";
import { killThenResume } from "@/lib/testing/kill-worker";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createSelectRun } from "./create-select-run";

const GROUPS = 240;
let t: TestDatabase;
let datasetId: number;

async function progress(runId: number) {
  const { rows } = await t.db.pool.query<{ status: string; done_items: number; total_items: number }>(
    `SELECT status, done_items, total_items FROM pipeline_runs WHERE id = $1`,
    [runId],
  );
  return rows[0]!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const dataset = await t.db.prisma.dataset.create({ data: { slug: "resume", name: "resume", languages: ["en", "de", "zh"] } });
  datasetId = dataset.id;
  await loadGeneratedGroups(t.db, datasetId, generateGroups({ seed: 7, groups: GROUPS, languages: ["en", "de", "zh"], samples: 4 }));
}, 120_000);
afterAll(async () => t.drop());

describe("a select run whose worker is killed (kill -9)", () => {
  it("resumes in a new worker without duplicating or losing work", async () => {
    const { runId } = await createSelectRun(t.db, datasetId, { scorer: "lexical", chunkSize: 1 });
    const {
      atKill: mid,
      afterKill: frozen,
      done,
    } = await killThenResume(
      t.url,
      () => progress(runId),
      (p) => p.done_items > 0 && p.done_items < p.total_items,
      (p) => p.status === "succeeded",
    );
    expect(frozen.status).toBe("running");
    expect(frozen.done_items).toBeGreaterThanOrEqual(mid.done_items);
    expect(frozen.done_items).toBeLessThan(GROUPS);
    expect(done).toEqual({ status: "succeeded", done_items: GROUPS, total_items: GROUPS });
    const counts = await t.db.pool.query<{ refs: number; proposals: number; pairs: number; chunks_left: number }>(
      `SELECT (SELECT count(*)::int FROM run_references WHERE run_id = $1) AS refs,
              (SELECT count(*)::int FROM run_proposals WHERE run_id = $1) AS proposals,
              (SELECT count(*)::int FROM pairs WHERE dataset_id = $2) AS pairs,
              (SELECT count(*)::int FROM run_chunks WHERE run_id = $1 AND status <> 'succeeded') AS chunks_left`,
      [runId, datasetId],
    );
    expect(counts.rows[0]).toEqual({ refs: GROUPS, proposals: GROUPS * 2, pairs: GROUPS * 2, chunks_left: 0 });
  }, 180_000);
});
