import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateGroups } from "@/lib/demo";
import { loadGeneratedGroups } from "@/lib/datasets/seed-demo";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createSelectRun } from "./create-select-run";

const GROUPS = 240;
let t: TestDatabase;
let datasetId: number;

function startWorker(): ChildProcess {
  return spawn("npx", ["tsx", "lib/worker/main.ts"], {
    env: { ...process.env, DATABASE_URL: t.url, CM_JOB_HEARTBEAT_LAPSE_MS: "2000" },
    stdio: "ignore",
    detached: true,
  });
}

async function progress(runId: number) {
  const { rows } = await t.db.pool.query<{ status: string; done_items: number; total_items: number }>(
    `SELECT status, done_items, total_items FROM pipeline_runs WHERE id = $1`,
    [runId],
  );
  return rows[0]!;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
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
    const first = startWorker();
    const mid = await waitFor("the first worker to be mid-way", async () => {
      const p = await progress(runId);
      return p.done_items > 0 && p.done_items < p.total_items ? p : null;
    });
    process.kill(-first.pid!, "SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const frozen = await progress(runId);
    expect(frozen.status).toBe("running");
    expect(frozen.done_items).toBeGreaterThanOrEqual(mid.done_items);
    expect(frozen.done_items).toBeLessThan(GROUPS);

    const second = startWorker();
    try {
      const done = await waitFor("the run to succeed", async () => {
        const p = await progress(runId);
        return p.status === "succeeded" ? p : null;
      });
      expect(done).toEqual({ status: "succeeded", done_items: GROUPS, total_items: GROUPS });
    } finally {
      process.kill(-second.pid!, "SIGTERM");
    }
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
