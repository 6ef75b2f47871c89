import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { embeddedUrl, servePGlite } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrations";
import { datasetSnapshot, loadLeftovers } from "@/lib/testing/dataset-snapshot";
import { emptyPGliteDump } from "@/lib/testing/pglite-template";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { sweepAbandonedLoads } from "./abandoned-loads";
import { startLoad, writeInLoad } from "./hidden-load";
import { importFile } from "./import-file";

// PGlite only (its single session is what an import into an existing dataset used to hold for its
// whole length): readers on other connections are answered between the batches of an append and see
// the dataset exactly as before it, and the batched import leaves the same rows as one transaction.

const dir = mkdtempSync(join(tmpdir(), "cm-embedded-append-served-"));
let files = 0;
function write(lines: unknown[]): string {
  const path = join(dir, `f${files++}.jsonl`);
  writeFileSync(path, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
  return path;
}

const t = databaseForThisFile("pglite");
// Batches of 200 responses: a file of a few hundred groups is written in several (as 2,000 in production).
const BATCH = 200;

describe("an append on PGlite", () => {
  it("answers readers on another connection between batches with the dataset as it was, then shows all of it", async () => {
    const nested = (n: number, text: string) =>
      Array.from({ length: n }, (_, i) => ({
        id: `g${i}`,
        prompts: { en: `Question ${i}?`, ...(text === "new" ? { de: `Frage ${i}?` } : {}) },
        responses: { en: [`${text} ${i}a`, `${text} ${i}b`, `${text} ${i}c`], ...(text === "new" ? { de: [`neu ${i}`] } : {}) },
      }));
    await importFile(t.db, { source: { path: write(nested(100, "old")) }, datasetSlug: "served", create: { task: "general" } });
    const reader = new pg.Client({ connectionString: t.url });
    await reader.connect();
    const before = await datasetSnapshot(reader, "served");
    let answered = 0;
    try {
      const summary = await importFile(t.db, {
        source: { path: write(nested(150, "new")) },
        datasetSlug: "served",
        append: true,
        batchResponses: BATCH,
        // Inside one import transaction these queries would wait for the import, which waits for them.
        onBatchCommitted: async () => {
          expect(await datasetSnapshot(reader, "served")).toEqual(before);
          answered += 1;
        },
      });
      expect(summary).toMatchObject({ groupsAdded: 50, promptsAdded: 200, responsesAdded: 600 });
      expect(answered).toBeGreaterThanOrEqual(3);
      const after = await datasetSnapshot(reader, "served");
      expect(after.responses).toHaveLength(300 + 600);
      expect(after.dataset).toEqual([{ languages: ["de", "en"], loading: false }]);
      expect(after.groupStats).toEqual([{ groups: 150, with_gold: 0 }]);
      const { rows } = await reader.query<{ role: string }>(`SELECT current_user AS role`);
      expect(rows[0]!.role).toBe("postgres");
    } finally {
      await reader.end();
    }
  });
});

// Generated merges: group ids and texts from small pools, so that files meet stored groups, give golds,
// repeat stored samples and (without append) conflict with them; batches of 20 responses, so that about half the
// merges are written in several.
const LANGS = ["en", "de", "fr"] as const;
const arbGroup = fc.record({
  id: fc.integer({ min: 0, max: 40 }).map((i) => `g${i}`),
  gold: fc.option(fc.constantFrom("1", "2"), { nil: undefined }),
  langs: fc.subarray([...LANGS], { minLength: 0 }),
  samples: fc.integer({ min: 1, max: 3 }),
  text: fc.constantFrom("a", "b"),
});
type ArbGroup = ReturnType<typeof arbGroup.generate>["value"];
function nestedLines(groups: ArbGroup[], flat: boolean): unknown[] {
  const seen = new Set<string>();
  const lines: unknown[] = [];
  for (const g of groups) {
    if (seen.has(g.id)) continue;
    seen.add(g.id);
    const langs = ["en", ...g.langs.filter((l) => l !== "en")];
    const texts = (l: string) => Array.from({ length: g.samples }, (_, s) => `${g.text} ${g.id} ${l} ${s}`);
    if (!flat) {
      lines.push({
        id: g.id,
        ...(g.gold ? { gold: g.gold } : {}),
        prompts: Object.fromEntries(langs.map((l) => [l, `Q ${g.id} ${l}`])),
        responses: Object.fromEntries(langs.map((l) => [l, texts(l)])),
      });
      continue;
    }
    for (const l of langs) {
      texts(l).forEach((response, sample) =>
        lines.push({ prompt_id: g.id, lang: l, prompt: `Q ${g.id} ${l}`, response, sample, ...(g.gold ? { gold: g.gold } : {}) }),
      );
    }
  }
  return lines;
}

describe("an import into an existing dataset on PGlite, batched", () => {
  it("leaves exactly the rows one transaction (the Postgres path) leaves", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbGroup, { minLength: 1, maxLength: 30 }),
        fc.array(arbGroup, { minLength: 1, maxLength: 80 }),
        fc.boolean(),
        fc.boolean(),
        async (base, merge, append, flat) => {
          run += 1;
          const basePath = write(nestedLines(base, false));
          const mergePath = write(nestedLines(merge, flat));
          const outcome = async (slug: string, inOneTransaction: boolean) => {
            await importFile(t.db, { source: { path: basePath }, datasetSlug: slug, create: { task: "general" } });
            const merge = { source: { path: mergePath }, datasetSlug: slug, append, inOneTransaction, batchResponses: 20 };
            const summary = await importFile(t.db, merge).then(
              ({ dataset: _, ...counts }) => counts,
              (e: Error) => e.message,
            );
            return { summary, rows: await datasetSnapshot(t.db.pool, slug) };
          };
          const batched = await outcome(`batched-${run}`, false);
          const inOne = await outcome(`one-${run}`, true);
          expect(batched).toEqual(inOne);
          expect(await loadLeftovers(t.db.pool)).toEqual({ loads: 0, golds: 0 });
        },
      ),
      { numRuns: 25 },
    );
    // 100 imports of a few dozen statements each on PGlite: 3–7 s of CPU, which a loaded 2-core machine stretches past 60 s.
  }, 240_000);
});

describe("a load listed when the embedded database is opened (its process stopped)", () => {
  it("stays hidden: the session starts as the reader role until the load is published or swept", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cm-embedded-reopen-"));
    const open = async (from?: Blob) => {
      const served = await servePGlite(dataDir, "secret", from);
      return { served, pool: new pg.Pool({ connectionString: embeddedUrl(served.port, "secret"), max: 1 }) };
    };
    const first = await open(await emptyPGliteDump());
    await migrate(first.pool);
    const { rows } = await first.pool.query<{ id: number }>(
      `INSERT INTO datasets (slug, name, updated_at) VALUES ('d', 'd', now()) RETURNING id`,
    );
    const loadId = await startLoad(first, rows[0]!.id, "d");
    await writeInLoad(first, loadId, (tx) =>
      tx.query(`INSERT INTO prompt_groups (dataset_id, external_id) VALUES (${rows[0]!.id}, 'hidden')`),
    );
    await first.pool.end();
    await first.served.stop();

    const again = await open();
    try {
      const seen = await again.pool.query<{ role: string; groups: number }>(
        `SELECT current_user AS role, (SELECT count(*)::int FROM prompt_groups) AS groups`,
      );
      expect(seen.rows).toEqual([{ role: "cm_embedded_reader", groups: 0 }]);
      expect(await sweepAbandonedLoads(again, 0)).toBe(1);
      const after = await again.pool.query(`SELECT current_user AS role, (SELECT count(*)::int FROM prompt_groups) AS groups`);
      expect(after.rows).toEqual([{ role: "postgres", groups: 0 }]);
    } finally {
      await again.pool.end();
      await again.served.stop();
    }
    // Opens PGlite twice on files and migrates it: about 4 s of CPU, which a loaded 2-core machine stretches past 60 s.
  }, 180_000);
});
