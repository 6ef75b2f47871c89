import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { runChunked } from "./chunk-loop";
import { claimChunk, settleChunk, touchChunk } from "./chunks";
import { chunkedRunFixture, engineStatus } from "@/lib/testing/job-fixtures";
import { cancelRun, lapsedRuns, markRunning } from "./run-row";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 120_000);
afterAll(async () => t.drop());

const status = (runId: number) => engineStatus(t.db, runId);

describe("the chunk ledger and loop", () => {
  it("a chunk whose worker's heartbeat lapsed is resumed by another worker id; the first worker's late result is not counted", async () => {
    const { runId } = await chunkedRunFixture(t.db, "lapse", 3, 1);
    await markRunning(t.db.pool, runId);
    const held = (await claimChunk(t.db.pool, runId, "dead-worker", 60_000))!;
    expect(held.chunkNo).toBe(0);
    // A live worker beats; nobody else may take its chunk.
    expect(await touchChunk(t.db.pool, held, "dead-worker")).toBe(true);
    expect((await claimChunk(t.db.pool, runId, "other", 60_000))!.chunkNo).toBe(1);
    // The worker dies: its heartbeat lapses (moved back past the lapse instead of waiting for it).
    await t.db.pool.query(`UPDATE run_chunks SET claimed_at = now() - interval '2 minutes' WHERE run_id = $1 AND chunk_no = 0`, [runId]);
    await t.db.pool.query(`UPDATE pipeline_runs SET heartbeat_at = now() - interval '2 minutes' WHERE id = $1`, [runId]);
    expect((await lapsedRuns(t.db.pool, 60_000)).map((r) => r.id)).toEqual([runId]);
    const taken = (await claimChunk(t.db.pool, runId, "other", 60_000))!;
    expect(taken.chunkNo).toBe(0);
    expect(await settleChunk(t.db.pool, held, "dead-worker", 0)).toBe(false);
    expect(await touchChunk(t.db.pool, held, "dead-worker")).toBe(false);
    const { rows } = await t.db.pool.query<{ claimed_by: string; attempts: number }>(
      `SELECT claimed_by, attempts FROM run_chunks WHERE run_id = $1 AND chunk_no = 0`,
      [runId],
    );
    expect(rows[0]).toEqual({ claimed_by: "other", attempts: 2 });
  });

  it("runs every group once, counts failed items, and the finishing worker runs finalize once", async () => {
    const { datasetId, runId } = await chunkedRunFixture(t.db, "loop", 5, 2);
    const seen: number[] = [];
    let finalized = 0;
    const outcome = await runChunked(
      t.db,
      runId,
      {
        loops: 2,
        work: async (chunk) => {
          const { rows } = await t.db.pool.query<{ id: number }>(`SELECT id FROM prompt_groups WHERE id BETWEEN $1 AND $2`, [
            chunk.fromGroupId,
            chunk.toGroupId,
          ]);
          seen.push(...rows.map((r) => r.id));
          return { chunkNo: chunk.chunkNo, ids: rows.map((r) => r.id) };
        },
        // A chunk's result may be committed in slices (on PGlite): each slice's part counts its own failed items.
        slice: (r, from, to) => ({ chunkNo: r.chunkNo, ids: r.ids.filter((id) => id >= from && id <= to) }),
        failedItems: (r) => (r.chunkNo === 2 ? r.ids.length : 0),
        finalize: async () => void finalized++,
      },
      { workerId: "w" },
    );
    expect(outcome).toBe("succeeded");
    const { rows } = await t.db.pool.query<{ id: number }>(`SELECT id FROM prompt_groups WHERE dataset_id = $1 ORDER BY id`, [datasetId]);
    expect(seen.sort((a, b) => a - b)).toEqual(rows.map((r) => r.id));
    expect(finalized).toBe(1);
    expect(await status(runId)).toEqual({ status: "succeeded", done: 5, total: 5, failed: 1, chunksLeft: 0 });
    expect(await runChunked(t.db, runId, { work: async () => 0 })).toBe("finished-before");
  });

  it("in short transactions a chunk is worked once and its result committed in slices, each with its own groups' part", async () => {
    const { datasetId, runId } = await chunkedRunFixture(t.db, "slices", 5, 3);
    const worked: number[] = [];
    const committed: number[][] = [];
    const outcome = await runChunked(
      t.db,
      runId,
      {
        work: async (chunk) => {
          worked.push(chunk.chunkNo);
          const { rows } = await t.db.pool.query<{ id: number }>(
            `SELECT id FROM prompt_groups WHERE dataset_id = $1 AND id BETWEEN $2 AND $3 ORDER BY id`,
            [datasetId, chunk.fromGroupId, chunk.toGroupId],
          );
          return rows.map((r) => r.id);
        },
        slice: (ids, from, to) => ids.filter((id) => id >= from && id <= to),
        commit: async (_tx, _chunk, ids) => void committed.push(ids),
      },
      { workerId: "w", transactionGroups: 1 },
    );
    expect(outcome).toBe("succeeded");
    const { rows } = await t.db.pool.query<{ id: number }>(`SELECT id FROM prompt_groups WHERE dataset_id = $1 ORDER BY id`, [datasetId]);
    expect(worked).toEqual([0, 1]);
    expect(committed).toEqual(rows.map((r) => [r.id]));
    expect(await status(runId)).toEqual({ status: "succeeded", done: 5, total: 5, failed: 0, chunksLeft: 0 });
  });

  it("a cancel stops the run at its next checkpoint: cancelled, with the chunks done so far", async () => {
    const { runId } = await chunkedRunFixture(t.db, "cancel", 4, 1);
    const outcome = await runChunked(t.db, runId, {
      work: async (chunk) => {
        if (chunk.chunkNo === 1) await cancelRun(t.db, runId, null);
        return null;
      },
    });
    expect(outcome).toBe("cancelled");
    expect(await status(runId)).toEqual({ status: "cancelled", done: 2, total: 4, failed: 0, chunksLeft: 2 });
  });

  it("a queued run cancelled before any worker stops at once and is never started", async () => {
    const { runId } = await chunkedRunFixture(t.db, "cancel-queued", 2, 1);
    expect(await cancelRun(t.db, runId, null)).toBe("cancelled");
    expect(await runChunked(t.db, runId, { work: async () => null })).toBe("finished-before");
    expect(await status(runId)).toEqual({ status: "cancelled", done: 0, total: 2, failed: 0, chunksLeft: 2 });
  });

  it("a failing chunk fails the run with its message", async () => {
    const { runId } = await chunkedRunFixture(t.db, "fail", 2, 1);
    const outcome = await runChunked(t.db, runId, {
      work: async () => {
        throw new Error("provider down");
      },
    });
    expect(outcome).toBe("failed");
    const { rows } = await t.db.pool.query<{ status: string; error: string }>(
      `SELECT status::text, error FROM pipeline_runs WHERE id = $1`,
      [runId],
    );
    expect(rows[0]).toEqual({ status: "failed", error: "provider down" });
  });
});
