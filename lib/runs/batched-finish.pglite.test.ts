import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGeneratedGroups } from "@/lib/datasets/seed-demo";
import { generateGroups } from "@/lib/demo";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createSelectRun } from "./create-select-run";
import { executeSelectRun } from "./execute-select-run";

// PGlite only (its single session is what a select run's chunk and finishing transactions used to hold
// for seconds): a reader on another connection of the wire server is answered between the run's
// transactions, and while the run publishes its pairs it sees whole groups: those up to the run's
// cursor with all of this run's pairs, the others with none.

const GROUPS = 30;
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase("pglite");
});
afterAll(async () => t.drop());

describe("a select run on PGlite", () => {
  it("answers a reader on another connection between its transactions, with whole groups published", async () => {
    const d = await t.db.prisma.dataset.create({ data: { slug: "served", name: "served", languages: ["en", "de", "zh"] } });
    await loadGeneratedGroups(t.db, d.id, generateGroups({ seed: 5, groups: GROUPS, languages: ["en", "de", "zh"], samples: 3 }));
    const { runId } = await createSelectRun(t.db, d.id, { scorer: "lexical", chunkSize: 10 });
    const reader = new pg.Client({ connectionString: t.url });
    await reader.connect();
    const seen = { scoring: 0, publishing: 0 };
    try {
      const outcome = await executeSelectRun(t.db, runId, {
        threads: 0,
        transactionGroups: 4,
        // Were a run's transaction open on the shared session, these queries would wait for it, and it for them.
        onCommitted: async () => {
          const { rows: run } = await reader.query<{ status: string; cursor: number | null; done: number }>(
            `SELECT status::text, cursor_id AS cursor, done_items AS done FROM pipeline_runs WHERE id = $1`,
            [runId],
          );
          const { cursor, status } = run[0]!;
          expect(status).toBe("running");
          const { rows: pairs } = await reader.query<{ group_id: number; n: number }>(
            `SELECT group_id, count(*)::int AS n FROM pairs WHERE dataset_id = $1 AND run_id = $2 GROUP BY group_id ORDER BY group_id`,
            [d.id, runId],
          );
          const { rows: proposed } = await reader.query<{ group_id: number; n: number }>(
            `SELECT group_id, count(*)::int AS n FROM run_proposals WHERE run_id = $1 AND group_id <= $2 GROUP BY group_id ORDER BY group_id`,
            [runId, cursor ?? -1],
          );
          expect(pairs).toEqual(proposed);
          if (cursor === null) seen.scoring += 1;
          else seen.publishing += 1;
        },
      });
      expect(outcome).toBe("succeeded");
      expect(seen.scoring).toBeGreaterThanOrEqual(GROUPS / 4);
      expect(seen.publishing).toBeGreaterThanOrEqual(GROUPS / 4 - 1);
      const { rows } = await reader.query<{ pairs: number; proposals: number; summary: boolean }>(
        `SELECT (SELECT count(*)::int FROM pairs WHERE dataset_id = $1 AND run_id = $2 AND version = 0) AS pairs,
                (SELECT count(*)::int FROM run_proposals WHERE run_id = $2) AS proposals,
                (SELECT summary IS NOT NULL FROM pipeline_runs WHERE id = $2) AS summary`,
        [d.id, runId],
      );
      expect(rows[0]).toEqual({ pairs: rows[0]!.proposals, proposals: GROUPS * 2, summary: true });
    } finally {
      await reader.end();
    }
  }, 120_000);
});
