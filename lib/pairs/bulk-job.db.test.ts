import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { cancelRun } from "@/lib/runs/create-select-run";
import { killHard, spawnWorker, stopGracefully, waitFor } from "@/lib/testing/kill-worker";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createBulkJob, executeBulkRun } from "./bulk-job";
import { parsePairTableParams } from "./table";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { searchFixture } from "@/lib/testing/search-fixture";

let t: TestDatabase;
let datasetId: number;
let userId: number;
const { pairsMatchingByScan } = searchFixture(() => t.db);

beforeAll(async () => {
  t = await createTestDatabase();
  datasetId = (await seedPairsFixture(t.db, "bulk", 30)).datasetId;
  userId = (await t.db.prisma.user.create({ data: { email: "rev@example.org", name: "Reviewer" } })).id;
}, 240_000);
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) await killHard(c);
  await t.drop();
});

async function count(where: string): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pairs p WHERE p.dataset_id = $1 AND ${where}`, [
    datasetId,
  ]);
  return rows[0]!.n;
}

async function ids(where: string): Promise<number[]> {
  const { rows } = await t.db.pool.query<{ id: number }>(`SELECT id FROM pairs p WHERE p.dataset_id = $1 AND ${where} ORDER BY id`, [
    datasetId,
  ]);
  return rows.map((r) => r.id);
}

async function run(runId: number) {
  const { rows } = await t.db.pool.query<{
    status: string;
    done_items: number;
    total_items: number;
    cursor_id: number | null;
    created_by_id: number | null;
  }>(`SELECT status::text, done_items, total_items, cursor_id, created_by_id FROM pipeline_runs WHERE id = $1`, [runId]);
  return rows[0]!;
}

/** Decisions this job made: total, and how many pairs got more than one. */
async function decisionsOf(runId: number) {
  const { rows } = await t.db.pool.query<{ n: number; pairs: number; users: (number | null)[] }>(
    `SELECT count(*)::int AS n, count(DISTINCT pair_id)::int AS pairs, array_agg(DISTINCT user_id) AS users FROM pair_decisions WHERE reason = $1`,
    [`bulk #${runId}`],
  );
  return rows[0]!;
}

async function auditOf(runId: number) {
  const { rows } = await t.db.pool.query<{ action: string; user_id: number | null; data: { total?: number; changed?: number } }>(
    `SELECT action, user_id, data FROM audit_events WHERE entity = 'pipeline_run' AND entity_id = $1 ORDER BY id`,
    [String(runId)],
  );
  return rows.map((r) => [r.action, r.user_id, r.data.total ?? r.data.changed]);
}

describe("bulk jobs", () => {
  it("accept over a filter: every target once, in batches, with progress, cursor and audit by the acting user", async () => {
    const expected = await count(`language = 'de' AND chosen_id IS NOT NULL AND origin = 'auto'`);
    const others = await count(`language <> 'de' AND origin = 'auto'`);
    expect(expected).toBeGreaterThan(6);
    const { runId, total } = await createBulkJob(
      t.db,
      datasetId,
      parsePairTableParams({ lang: "de", origin: "auto" }),
      { action: "accept" },
      userId,
    );
    expect(total).toBe(expected);
    expect(await run(runId)).toMatchObject({ status: "queued", done_items: 0, total_items: expected, created_by_id: userId });
    const progress: number[] = [];
    const outcome = await executeBulkRun(t.db, runId, {
      batchSize: 3,
      onBatch: async () => void progress.push((await run(runId)).done_items),
    });
    expect(outcome).toBe("succeeded");
    expect(progress).toEqual(Array.from({ length: Math.ceil(expected / 3) }, (_, i) => Math.min(expected, (i + 1) * 3)));
    const done = await run(runId);
    expect(done).toMatchObject({ status: "succeeded", done_items: expected, total_items: expected });
    expect(done.cursor_id).toBe(
      (
        await t.db.pool.query<{ m: number }>(
          `SELECT max(id)::int AS m FROM pairs WHERE dataset_id = $1 AND language = 'de' AND chosen_id IS NOT NULL`,
          [datasetId],
        )
      ).rows[0]!.m,
    );
    expect(await count(`language = 'de' AND chosen_id IS NOT NULL AND status = 'accepted' AND origin = 'human'`)).toBe(expected);
    expect(await count(`language <> 'de' AND origin = 'auto'`)).toBe(others);
    expect(await decisionsOf(runId)).toEqual({ n: expected, pairs: expected, users: [userId] });
    expect(await auditOf(runId)).toEqual([
      ["pairs.bulk.accept", userId, expected],
      ["pairs.bulk.finish", userId, expected],
    ]);
    expect(await executeBulkRun(t.db, runId)).toBe("finished-before");
    expect((await decisionsOf(runId)).n).toBe(expected);
  });

  it("reject below a margin changes only those pairs; the user id may be null before sign-in", async () => {
    const below = await count(`language = 'ar' AND margin < 0.2 AND NOT (status = 'rejected' AND origin = 'human')`);
    const { runId } = await createBulkJob(t.db, datasetId, parsePairTableParams({ lang: "ar" }), { action: "reject", belowMargin: 0.2 });
    expect(await executeBulkRun(t.db, runId, { batchSize: 2 })).toBe("succeeded");
    expect(await run(runId)).toMatchObject({ done_items: below, created_by_id: null });
    expect(await count(`language = 'ar' AND status = 'rejected' AND origin = 'human'`)).toBe(below);
    expect(await count(`language = 'ar' AND status = 'rejected' AND margin >= 0.2`)).toBe(0);
    expect(await auditOf(runId)).toEqual([
      ["pairs.bulk.reject", null, below],
      ["pairs.bulk.finish", null, below],
    ]);
  });

  it("a searched filter changes exactly the pairs the search finds, in batches", async () => {
    const eligible = await ids(`chosen_id IS NOT NULL AND NOT (status = 'accepted' AND origin = 'human')`);
    const expected = (await pairsMatchingByScan(datasetId, "the")).filter((id) => eligible.includes(id));
    expect(expected.length).toBeGreaterThan(4);
    expect(expected.length).toBeLessThan(eligible.length);
    const { runId, total } = await createBulkJob(t.db, datasetId, parsePairTableParams({ q: "the" }), { action: "accept" }, userId);
    expect(total).toBe(expected.length);
    expect(await executeBulkRun(t.db, runId, { batchSize: 2 })).toBe("succeeded");
    const decided = await t.db.pool.query<{ pair_id: number }>(`SELECT pair_id FROM pair_decisions WHERE reason = $1 ORDER BY pair_id`, [
      `bulk #${runId}`,
    ]);
    expect(decided.rows.map((r) => r.pair_id)).toEqual(expected);
  });

  it("a filter with nothing to change is refused with a clear message and records nothing", async () => {
    const runs = await t.db.prisma.pipelineRun.count();
    await expect(
      createBulkJob(t.db, datasetId, parsePairTableParams({ lang: "ar" }), { action: "reject", belowMargin: -5 }),
    ).rejects.toThrow("No pair of this filter result would change: nothing to reject.");
    expect(await t.db.prisma.pipelineRun.count()).toBe(runs);
  });

  it("cancel stops the job after its current batch; nothing more is decided, and it is audited", async () => {
    const targets = await count(`language = 'zh' AND chosen_id IS NOT NULL AND NOT (status = 'accepted' AND origin = 'human')`);
    expect(targets).toBeGreaterThan(4);
    const acceptedBefore = await count(`language = 'zh' AND status = 'accepted' AND origin = 'human'`);
    const { runId } = await createBulkJob(t.db, datasetId, parsePairTableParams({ lang: "zh" }), { action: "accept" }, userId);
    const outcome = await executeBulkRun(t.db, runId, { batchSize: 2, onBatch: async () => void (await cancelRun(t.db, runId, userId)) });
    expect(outcome).toBe("cancelled");
    expect(await run(runId)).toMatchObject({ status: "cancelled", done_items: 2 });
    expect((await decisionsOf(runId)).n).toBe(2);
    expect(await count(`language = 'zh' AND status = 'accepted' AND origin = 'human'`)).toBe(acceptedBefore + 2);
    expect(await auditOf(runId)).toEqual([
      ["pairs.bulk.accept", userId, targets],
      ["run.bulk.cancel", userId, undefined],
      ["pairs.bulk.cancel", userId, 2],
    ]);
    expect(await executeBulkRun(t.db, runId)).toBe("finished-before");
    expect((await decisionsOf(runId)).n).toBe(2);
  });

  it("resets the human pairs of a filter to their automatic proposal", async () => {
    const human = await count(`origin = 'human' AND language = 'de'`);
    const { runId } = await createBulkJob(t.db, datasetId, parsePairTableParams({ lang: "de", origin: "human" }), { action: "reset" });
    expect(await executeBulkRun(t.db, runId, { batchSize: 4 })).toBe("succeeded");
    expect((await run(runId)).done_items).toBe(human);
    const mismatched = await t.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pairs p JOIN run_proposals rp ON rp.run_id = p.run_id AND rp.group_id = p.group_id AND rp.language = p.language
       WHERE p.dataset_id = $1 AND p.language = 'de'
         AND (p.origin <> 'auto' OR p.chosen_id IS DISTINCT FROM rp.chosen_id OR p.rejected_id IS DISTINCT FROM rp.rejected_id
              OR p.margin IS DISTINCT FROM rp.margin OR p.status <> (CASE WHEN rp.skip_reason IS NULL THEN 'proposed' ELSE 'skipped' END)::"PairStatus")`,
      [datasetId],
    );
    expect(mismatched.rows[0]!.n).toBe(0);
  });

  it("a worker killed (SIGKILL) mid-way: the resumed job finishes with exactly one decision per pair", async () => {
    const targets = await count(`chosen_id IS NOT NULL AND NOT (status = 'accepted' AND origin = 'human')`);
    const { runId } = await createBulkJob(t.db, datasetId, parsePairTableParams({}), { action: "accept" }, userId);
    const child = spawn("npx", ["tsx", "lib/testing/bulk-job-child.ts", String(runId)], {
      env: { ...process.env, DATABASE_URL: t.url },
      stdio: "ignore",
      detached: true,
    });
    const exited = new Promise((r) => child.once("exit", r));
    const deadline = Date.now() + 90_000;
    for (;;) {
      const r = await run(runId);
      if (r.done_items >= 3) break;
      if (Date.now() > deadline || (r.status !== "queued" && r.status !== "running"))
        throw new Error(`job did not progress: ${JSON.stringify(r)}`);
      await new Promise((res) => setTimeout(res, 10));
    }
    process.kill(-child.pid!, "SIGKILL");
    await exited;
    const frozen = await run(runId);
    expect(frozen.status).toBe("running");
    expect(frozen.done_items).toBeLessThan(targets);
    // Each committed batch holds its decisions and the cursor together.
    expect((await decisionsOf(runId)).n).toBe(frozen.done_items);
    expect(await count(`id <= ${frozen.cursor_id} AND chosen_id IS NOT NULL AND NOT (status = 'accepted' AND origin = 'human')`)).toBe(0);

    expect(await executeBulkRun(t.db, runId, { batchSize: 7 })).toBe("succeeded");
    expect(await run(runId)).toMatchObject({ status: "succeeded", done_items: targets, total_items: targets });
    expect(await decisionsOf(runId)).toEqual({ n: targets, pairs: targets, users: [userId] });
    expect(await count(`chosen_id IS NOT NULL AND NOT (status = 'accepted' AND origin = 'human')`)).toBe(0);
  }, 120_000);

  it("a worker killed (SIGKILL) mid-way is resumed by `npm run worker` once its heartbeat lapsed: one decision per pair", async () => {
    const targets = await count(`origin = 'human'`);
    expect(targets).toBeGreaterThan(10);
    const { runId } = await createBulkJob(t.db, datasetId, parsePairTableParams({ origin: "human" }), { action: "reset" }, userId);
    const child = spawn("npx", ["tsx", "lib/testing/bulk-job-child.ts", String(runId)], {
      env: { ...process.env, DATABASE_URL: t.url },
      stdio: "ignore",
      detached: true,
    });
    children.push(child);
    await waitFor(
      () => run(runId),
      (r) => r.done_items >= 3,
    );
    await killHard(child);
    const frozen = await run(runId);
    expect(frozen.status).toBe("running");
    expect(frozen.done_items).toBeLessThan(targets);

    const worker = spawnWorker(t.url);
    children.push(worker);
    try {
      const done = await waitFor(
        () => run(runId),
        (r) => r.status !== "running",
      );
      expect(done).toMatchObject({ status: "succeeded", done_items: targets, total_items: targets });
    } finally {
      await stopGracefully(worker);
    }
    expect(await decisionsOf(runId)).toEqual({ n: targets, pairs: targets, users: [userId] });
    expect(await count(`origin = 'human'`)).toBe(0);
  }, 180_000);
});
