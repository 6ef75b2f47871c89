import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepAbandonedLoads } from "./abandoned-loads";
import { datasetSnapshot, loadLeftovers } from "@/lib/testing/dataset-snapshot";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { importFile } from "./import-file";

// An import into an existing dataset (merge or append). On PGlite it is written as a hidden load in
// short transactions and published at the end; on Postgres it is one transaction. Either way readers
// see all of it or nothing, and a failed or cancelled one leaves the dataset exactly as it was.

const dir = mkdtempSync(join(tmpdir(), "cm-embedded-append-"));
type Group = { id: string; gold?: string; prompts: Record<string, string>; responses: Record<string, string[]> };
function write(name: string, groups: Group[], tail = ""): string {
  const path = join(dir, name);
  writeFileSync(path, `${groups.map((g) => JSON.stringify(g)).join("\n")}\n${tail}`);
  return path;
}
/** Batches of 200 responses: a file of a few hundred groups is written in several (as 2,000 in production). */
const BATCH = 200;
/** `n` groups g<from>… with 3 English responses each. */
function groups(n: number, from = 0, text = "Answer"): Group[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return { id: `g${i}`, prompts: { en: `Question ${i}?` }, responses: { en: [`${text} ${i}a`, `${text} ${i}b`, `${text} ${i}c`] } };
  });
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

async function base(slug: string, n = 100): Promise<Record<string, unknown[]>> {
  await importFile(t.db, { source: { path: write(`${slug}-base.jsonl`, groups(n)) }, datasetSlug: slug, create: { task: "general" } });
  return datasetSnapshot(t.db.pool, slug);
}

describe("an import into an existing dataset", () => {
  it("leaves the dataset exactly as before when a record near the end is invalid, after several batches were written", async () => {
    const before = await base("bad-tail");
    const path = write("bad-tail.jsonl", [...groups(100, 0, "More"), ...groups(100, 100)], `{"id": "bad", "prompts": {"en": 7}}\n`);
    for (const append of [true, false]) {
      let committed = 0;
      const onBatchCommitted = () => void (committed += 1);
      await expect(
        importFile(t.db, { source: { path }, datasetSlug: "bad-tail", append, batchResponses: BATCH, onBatchCommitted }),
      ).rejects.toMatchObject({ code: "BAD_INPUT" });
      if (t.kind === "pglite") expect(committed).toBeGreaterThanOrEqual(3);
      expect(await datasetSnapshot(t.db.pool, "bad-tail")).toEqual(before);
    }
    expect(await loadLeftovers(t.db.pool)).toEqual({ loads: 0, golds: 0 });
  });

  it("leaves the dataset exactly as before when it is cancelled midway", async () => {
    const before = await base("cancelled");
    const more = groups(300, 50, "Other").map((g, i) => (i < 50 ? { ...g, gold: "42" } : g));
    let committed = 0;
    const cancel = new Error("cancelled");
    const run = importFile(t.db, {
      source: { path: write("cancelled.jsonl", more) },
      datasetSlug: "cancelled",
      append: true,
      batchResponses: BATCH,
      onBatchCommitted: () => void (committed += 1),
      onProgress: (p) => {
        if (t.kind === "pglite" ? committed > 0 : p.records >= 100) throw cancel;
      },
    });
    await expect(run).rejects.toBe(cancel);
    if (t.kind === "pglite") expect(committed).toBeGreaterThan(0);
    expect(await datasetSnapshot(t.db.pool, "cancelled")).toEqual(before);
    expect(await loadLeftovers(t.db.pool)).toEqual({ loads: 0, golds: 0 });
  });

  it("is published whole: new groups, a new language, golds for groups that had none, appended samples", async () => {
    await base("merged", 2);
    const merge: Group[] = [
      { id: "g0", gold: "7", prompts: { en: "Question 0?", de: "Frage 0?" }, responses: { en: ["Answer 0a"], de: ["Antwort 0"] } },
      { id: "g1", prompts: { en: "Question 1?" }, responses: { en: ["Answer 1a", "Answer 1b", "Answer 1c"] } },
      { id: "g2", gold: "9", prompts: { en: "Question 2?", fr: "Question 2 ?" }, responses: { fr: ["Réponse 2"] } },
    ];
    const summary = await importFile(t.db, { source: { path: write("merge.jsonl", merge) }, datasetSlug: "merged" });
    expect(summary).toMatchObject({ groupsAdded: 1, promptsAdded: 3, responsesAdded: 2, duplicateResponses: 4 });
    const appended = await importFile(t.db, { source: { path: write("merge.jsonl", merge) }, datasetSlug: "merged", append: true });
    expect(appended).toMatchObject({ groupsAdded: 0, promptsAdded: 0, responsesAdded: 6, duplicateResponses: 0 });
    const s = await datasetSnapshot(t.db.pool, "merged");
    expect(s.dataset).toEqual([{ languages: ["de", "en", "fr"], loading: false }]);
    expect((s.groups as { external_id: string; gold: string | null }[]).map((g) => [g.external_id, g.gold])).toEqual([
      ["g0", "7"],
      ["g1", null],
      ["g2", "9"],
    ]);
    const samples = (s.responses as { external_id: string; language: string; sample_index: number; text: string }[]).map(
      (r) => `${r.external_id} ${r.language} ${r.sample_index} ${r.text}`,
    );
    expect(samples).toEqual([
      "g0 de 0 Antwort 0",
      "g0 de 1 Antwort 0",
      "g0 en 0 Answer 0a",
      "g0 en 1 Answer 0b",
      "g0 en 2 Answer 0c",
      "g0 en 3 Answer 0a",
      "g1 en 0 Answer 1a",
      "g1 en 1 Answer 1b",
      "g1 en 2 Answer 1c",
      "g1 en 3 Answer 1a",
      "g1 en 4 Answer 1b",
      "g1 en 5 Answer 1c",
      "g2 fr 0 Réponse 2",
      "g2 fr 1 Réponse 2",
    ]);
    expect(s.groupStats).toEqual([{ groups: 3, with_gold: 2 }]);
    expect((s.responseStats as { n: number }[]).reduce((a, r) => a + r.n, 0)).toBe(14);
    expect(await loadLeftovers(t.db.pool)).toEqual({ loads: 0, golds: 0 });
  });
});

describe("a load whose import stopped", () => {
  it("is removed with every row it tagged by the sweep once its heartbeat lapsed, and only then", async () => {
    const before = await base("stopped", 3);
    const { rows } = await t.db.pool.query<{ id: number }>(`SELECT id FROM datasets WHERE slug = 'stopped'`);
    const datasetId = rows[0]!.id;
    const client = await t.db.pool.connect();
    try {
      await client.query("BEGIN");
      const load = await client.query<{ id: number }>(
        `INSERT INTO import_loads (dataset_id, updated_at) VALUES ($1, now() - interval '1 hour') RETURNING id`,
        [datasetId],
      );
      const loadId = load.rows[0]!.id;
      // As a load's own transaction does: where the column default reads it (PGlite), the triggers' stats deltas are tagged too.
      await client.query(`SELECT set_config('cm.load_id', $1, true)`, [String(loadId)]);
      const g = await client.query<{ id: number }>(
        `INSERT INTO prompt_groups (dataset_id, external_id, load_id) VALUES ($1, 'half', $2) RETURNING id`,
        [datasetId, loadId],
      );
      await client.query(`INSERT INTO prompt_texts (dataset_id, group_id, language, text, load_id) VALUES ($1, $2, 'en', 'Q?', $3)`, [
        datasetId,
        g.rows[0]!.id,
        loadId,
      ]);
      await client.query(
        `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, origin, load_id)
         SELECT $1, id, 'en', 9, 'A', sha256('A'), 1, 'imported', $2 FROM prompt_groups WHERE dataset_id = $1`,
        [datasetId, loadId],
      );
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect(await sweepAbandonedLoads(t.db, 2 * 3_600_000)).toBe(0);
    expect(await loadLeftovers(t.db.pool)).toMatchObject({ loads: 1 });
    expect(await sweepAbandonedLoads(t.db, 120_000)).toBe(1);
    expect(await loadLeftovers(t.db.pool)).toEqual({ loads: 0, golds: 0 });
    expect(await datasetSnapshot(t.db.pool, "stopped")).toEqual(before);
  });
});
