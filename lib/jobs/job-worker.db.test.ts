import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { startJobWorker } from "./job-worker";
import { enqueueJob, enqueueRun } from "./queue";
import type { JobHandlers } from "./registry";
import { chunkedRunFixture } from "@/lib/testing/job-fixtures";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 120_000);
afterAll(async () => t.drop());

describe("the engine's worker", () => {
  it("hands each queued job to its kind's handler, chosen by the run's row, once", async () => {
    const seen: string[] = [];
    const waiting: { n: number; resolve: () => void }[] = [];
    const handled = (n: number) => new Promise<void>((resolve) => (seen.length >= n ? resolve() : waiting.push({ n, resolve })));
    const record = (kind: string) => async (_db: unknown, payload: object) => {
      seen.push(`${kind} ${JSON.stringify(payload)}`);
      for (const w of waiting) if (seen.length >= w.n) w.resolve();
      return "done";
    };
    const handlers: JobHandlers = {
      select: record("select"),
      generate: record("generate"),
      embed: record("embed"),
      bulk: record("bulk"),
      export: record("export"),
    };
    const { runId } = await chunkedRunFixture(t.db, "queue", 2, 1);
    await t.db.pool.query(`UPDATE pipeline_runs SET status = 'succeeded' WHERE id = $1`, [runId]);
    const log: string[] = [];
    const worker = await startJobWorker(t.db, (m) => log.push(m), { handlers, lapseMs: 60_000 });
    try {
      await enqueueRun(t.db, runId);
      await handled(1);
      // A job left on another kind's queue still goes to the handler of the row's kind.
      await enqueueJob(t.db, "select", { runId });
      await handled(2);
      await enqueueJob(t.db, "export", { exportId: 41 });
      await handled(3);
    } finally {
      await worker.stop();
    }
    expect(seen.sort()).toEqual([`embed {"runId":${runId}}`, `embed {"runId":${runId}}`, `export {"exportId":41}`]);
  }, 120_000);
});
