import pg from "pg";
import { describe, expect, it } from "vitest";
import { listDatasets } from "@/lib/datasets/queries";
import { nestedGroupsFile } from "@/lib/testing/import-formats";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { importFile } from "./import-file";
import { writtenFor } from "@/lib/testing/import-written";

// PGlite only (its single session is what an import used to hold for its whole length): a reader on
// another connection is answered between an import's batches and never sees the hidden dataset.

const t = databaseForThisFile("pglite");
// Batches of 200 responses: 250 groups are written in several (as 2,000 in production).
const BATCH = 200;

describe("an import on PGlite", () => {
  it("answers a reader on another connection between batches, without showing the dataset", async () => {
    const path = nestedGroupsFile("served.jsonl", 250);
    const reader = new pg.Client({ connectionString: t.url });
    await reader.connect();
    const seen: { visible: number; health: number }[] = [];
    try {
      await importFile(t.db, {
        source: { path },
        datasetSlug: "served",
        create: { task: "general" },
        batchResponses: BATCH,
        // Inside one import transaction this query would wait for the import, which waits for it.
        onBatchCommitted: async () => {
          const { rows } = await reader.query<{ visible: number; health: number }>(
            `SELECT (SELECT count(*)::int FROM datasets WHERE slug = 'served' AND NOT loading) AS visible, 1 AS health`,
          );
          seen.push(rows[0]!);
        },
      });
    } finally {
      await reader.end();
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((s) => s.visible === 0 && s.health === 1)).toBe(true);
    expect(await writtenFor(t.db, "served")).toEqual({ datasets: 1, groups: 250, responses: 750 });
    expect((await listDatasets()).map((d) => d.slug)).toContain("served");
  });
});
