import { describe, expect, it } from "vitest";
import { sweepAbandonedLoads } from "./abandoned-loads";
import { findDatasetBySlug, getDatasetBySlug, listDatasets } from "@/lib/datasets/queries";
import { nestedGroupsFile } from "@/lib/testing/import-formats";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { importFile } from "./import-file";
import { writtenFor } from "@/lib/testing/import-written";

// An import that creates its dataset on PGlite writes it hidden (datasets.loading) in short
// transactions and publishes it at the end; on Postgres it is one transaction. Either way no reader
// ever sees a partial import, and a failed one leaves nothing.

const t = databaseForThisFile();
// Batches of 200 responses: a few hundred groups are written in several (as 2,000 in production).
const BATCH = 200;

async function insertLoading(slug: string, agoSeconds: number): Promise<number> {
  const { rows } = await t.db.pool.query<{ id: number }>(
    `INSERT INTO datasets (slug, name, loading, updated_at) VALUES ($1, $1, true, now() - make_interval(secs => $2)) RETURNING id`,
    [slug, agoSeconds],
  );
  const id = rows[0]!.id;
  const g = await t.db.pool.query<{ id: number }>(`INSERT INTO prompt_groups (dataset_id, external_id) VALUES ($1, 'q') RETURNING id`, [
    id,
  ]);
  await t.db.pool.query(`INSERT INTO prompt_texts (dataset_id, group_id, language, text) VALUES ($1, $2, 'en', 'Q?')`, [id, g.rows[0]!.id]);
  await t.db.pool.query(
    `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, origin)
     VALUES ($1, $2, 'en', 0, 'A', sha256('A'), 1, 'imported')`,
    [id, g.rows[0]!.id],
  );
  return id;
}

describe("a dataset still loading", () => {
  it("is invisible to slug lookups and the datasets list, and refuses another import", async () => {
    await insertLoading("half-loaded", 0);
    expect(await findDatasetBySlug("half-loaded")).toBeNull();
    await expect(getDatasetBySlug("half-loaded")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listDatasets()).map((d) => d.slug)).not.toContain("half-loaded");
    const path = nestedGroupsFile("small.jsonl", 2);
    for (const create of [{ task: "general" as const }, undefined]) {
      await expect(importFile(t.db, { source: { path }, datasetSlug: "half-loaded", create })).rejects.toMatchObject({
        code: "CONFLICT",
        message:
          'Dataset "half-loaded" is still being imported by another import; try again once it has finished (an import that was stopped is cleared 2 minutes after its last write).',
      });
    }
    expect(await writtenFor(t.db, "half-loaded")).toEqual({ datasets: 1, groups: 1, responses: 1 });
  });

  it("is removed with all its rows by the sweep once its heartbeat lapsed, and only then", async () => {
    const abandoned = await insertLoading("abandoned", 3_600);
    await insertLoading("still-writing", 0);
    const status = await t.db.pool.query<{ id: number }>(
      `INSERT INTO imports (dataset_id, dataset_slug, filename, options, bytes_total) VALUES ($1, 'abandoned', 'f.jsonl', '{}', 0) RETURNING id`,
      [abandoned],
    );
    expect(await sweepAbandonedLoads(t.db, 120_000)).toBe(1);
    const kept = await t.db.pool.query(`SELECT dataset_id FROM imports WHERE id = $1`, [status.rows[0]!.id]);
    expect(kept.rows).toEqual([{ dataset_id: null }]);
    expect(await writtenFor(t.db, "abandoned")).toEqual({ datasets: 0, groups: 0, responses: 0 });
    const { rows } = await t.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM prompt_texts p JOIN datasets d ON d.id = p.dataset_id WHERE d.slug = 'abandoned'`,
    );
    expect(rows[0]!.n).toBe(0);
    expect(await writtenFor(t.db, "still-writing")).toEqual({ datasets: 1, groups: 1, responses: 1 });
  });
});

describe("an import that creates its dataset", () => {
  it("leaves nothing when a record near the end is invalid, after several batches were written", async () => {
    const path = nestedGroupsFile("bad-tail.jsonl", 200, `{"id": "bad", "prompts": {"en": 7}}\n`);
    let committed = 0;
    const onBatchCommitted = () => void (committed += 1);
    const bad = importFile(t.db, {
      source: { path },
      datasetSlug: "bad-tail",
      create: { task: "general" },
      batchResponses: BATCH,
      onBatchCommitted,
    });
    await expect(bad).rejects.toMatchObject({ code: "BAD_INPUT" });
    if (t.kind === "pglite") expect(committed).toBeGreaterThanOrEqual(3);
    expect(await writtenFor(t.db, "bad-tail")).toEqual({ datasets: 0, groups: 0, responses: 0 });
  });

  it("leaves nothing when it is cancelled midway", async () => {
    const path = nestedGroupsFile("cancelled.jsonl", 300);
    let committed = 0;
    const cancel = new Error("cancelled");
    const run = importFile(t.db, {
      source: { path },
      datasetSlug: "cancelled",
      create: { task: "general" },
      batchResponses: BATCH,
      onBatchCommitted: () => void (committed += 1),
      // On PGlite once a batch is in the tables; on Postgres (one transaction) midway through the file.
      onProgress: (p) => {
        if (t.kind === "pglite" ? committed > 0 : p.records >= 100) throw cancel;
      },
    });
    await expect(run).rejects.toBe(cancel);
    if (t.kind === "pglite") expect(committed).toBeGreaterThan(0);
    expect(await writtenFor(t.db, "cancelled")).toEqual({ datasets: 0, groups: 0, responses: 0 });
  });

  it("is published whole, with its languages and counts", async () => {
    const path = nestedGroupsFile("whole.jsonl", 150);
    const summary = await importFile(t.db, { source: { path }, datasetSlug: "whole", create: { task: "general" }, batchResponses: BATCH });
    expect(summary).toMatchObject({
      records: 150,
      invalid: 0,
      groupsAdded: 150,
      promptsAdded: 150,
      responsesAdded: 450,
      duplicateResponses: 0,
    });
    const dataset = await getDatasetBySlug("whole");
    expect(dataset).toMatchObject({ loading: false, languages: ["en"] });
    expect(await writtenFor(t.db, "whole")).toEqual({ datasets: 1, groups: 150, responses: 450 });
  });
});
