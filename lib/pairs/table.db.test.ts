import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { countPairs, listPairs } from "./queries";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { LOW_CONS, parsePairTableParams, type PairFilter, type SortColumn } from "./table";

type Dumped = {
  id: number;
  group_id: number;
  language: string;
  status: string;
  origin: string;
  margin: number | null;
  score_chosen: number | null;
  score_rejected: number | null;
  conflict: boolean;
  off_target: boolean;
  flagged: boolean;
  cons: number | null;
  texts: string[];
  shares: (number | null)[];
};

let t: TestDatabase;
let datasetId: number;
let all: Dumped[];

beforeAll(async () => {
  t = await createTestDatabase();
  ({ datasetId } = await seedPairsFixture(t.db, "table", 10));
  // Some variety for the flag and origin filters.
  await t.db.pool.query(`UPDATE pairs SET flagged = true, flag_reason = 'x' WHERE id % 7 = 0`);
  await t.db.pool.query(`UPDATE pairs SET origin = 'human', status = 'accepted' WHERE id % 5 = 0 AND chosen_id IS NOT NULL`);
  await t.db.pool.query(`UPDATE pairs SET conflict = true WHERE id % 11 = 0`);
  await t.db.pool.query(`UPDATE responses SET target_share = (id % 10) / 10.0 WHERE id % 3 = 0`);
  const { rows } = await t.db.pool.query<Dumped>(
    `SELECT p.id, p.group_id, p.language, p.status::text, p.origin::text, p.margin, p.score_chosen, p.score_rejected, p.conflict, p.off_target, p.flagged,
            rr.cons, ARRAY[c.target_share, r.target_share] AS shares,
            array_remove(ARRAY(SELECT text FROM prompt_texts WHERE group_id = p.group_id AND language = p.language) || ARRAY[c.text, r.text], NULL) AS texts
     FROM pairs p LEFT JOIN run_references rr ON rr.run_id = p.run_id AND rr.group_id = p.group_id
     LEFT JOIN responses c ON c.id = p.chosen_id LEFT JOIN responses r ON r.id = p.rejected_id
     WHERE p.dataset_id = $1`,
    [datasetId],
  );
  all = rows;
}, 240_000);
afterAll(async () => t.drop());

const VALUE: Record<SortColumn, (r: Dumped) => number | null> = {
  margin: (r) => r.margin,
  scoreChosen: (r) => r.score_chosen,
  scoreRejected: (r) => r.score_rejected,
  group: (r) => r.group_id,
  id: (r) => r.id,
};

function expected(f: PairFilter, sort: SortColumn, dir: "asc" | "desc"): number[] {
  const rows = all.filter(
    (r) =>
      (!f.lang || r.language === f.lang) &&
      (!f.status || r.status === f.status) &&
      (!f.origin || r.origin === f.origin) &&
      (f.minMargin === undefined || (r.margin !== null && r.margin >= f.minMargin)) &&
      (f.maxMargin === undefined || (r.margin !== null && r.margin <= f.maxMargin)) &&
      f.flags.every(
        (flag) =>
          ({
            conflict: r.conflict,
            offTarget: r.off_target,
            flagged: r.flagged,
            skipped: r.status === "skipped",
            lowCons: r.cons !== null && r.cons < LOW_CONS,
            mixed: r.shares.some((x) => x !== null && x < 0.8),
          })[flag],
      ) &&
      (!f.q || r.texts.some((s) => s.toLowerCase().includes(f.q!.toLowerCase()))),
  );
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .sort((a, b) => {
      const va = VALUE[sort](a),
        vb = VALUE[sort](b);
      if (va !== vb) {
        if (va === null) return 1; // rows without a value last, in both directions
        if (vb === null) return -1;
        return sign * (va - vb);
      }
      return sign * (a.id - b.id);
    })
    .map((r) => r.id);
}

async function allPages(raw: Record<string, string>, size: number): Promise<number[]> {
  const base = parsePairTableParams({ ...raw, size: String(size) });
  const ids: number[] = [];
  let after = null as typeof base.after;
  for (let i = 0; i < 1000; i++) {
    const page = await listPairs(t.db, datasetId, { ...base, after });
    expect(page.rows.length).toBeLessThanOrEqual(size);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error("pagination did not end");
}

describe("pairs table query", () => {
  it("the demo has pairs of every kind the filters need", () => {
    expect(all.length).toBe(50);
    expect(all.some((r) => r.margin === null)).toBe(true);
    expect(all.some((r) => r.status === "skipped")).toBe(true);
  });

  it("keyset pages return every matching row exactly once, in order, for any page size, sort and filter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 5, max: 20 }),
        fc.constantFrom<SortColumn>("margin", "scoreChosen", "scoreRejected", "group", "id"),
        fc.constantFrom<"asc" | "desc">("asc", "desc"),
        fc.record({
          lang: fc.constantFrom("", "de", "ar"),
          status: fc.constantFrom("", "proposed", "skipped", "accepted"),
          origin: fc.constantFrom("", "auto", "human"),
          maxMargin: fc.constantFrom("", "0.1", "0.5"),
          flags: fc.constantFrom("", "flagged", "conflict", "lowCons", "skipped,offTarget", "mixed", "mixed,flagged"),
        }),
        async (size, sort, dir, raw) => {
          const params = parsePairTableParams({ ...raw, sort, dir });
          expect(await allPages({ ...raw, sort, dir }, size)).toEqual(expected(params, sort, dir));
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);

  it("searches prompt and response text, case-insensitively, with LIKE wildcards taken literally", async () => {
    const sample = all.find((r) => r.language === "de" && r.status === "proposed")!;
    const word = sample.texts
      .at(-1)!
      .split(/\s+/)
      .find((w) => w.length > 6)!;
    const raw = { q: word.toUpperCase() };
    const ids = await allPages(raw, 50);
    expect(ids).toEqual(expected(parsePairTableParams(raw), "margin", "asc"));
    expect(ids).toContain(sample.id);
    expect(await allPages({ q: "%_%" }, 50)).toEqual(expected(parsePairTableParams({ q: "%_%" }), "margin", "asc"));
  });

  it("search agrees with a plain substring match for short queries and non-Latin scripts (trigram index or not)", async () => {
    const ar = all.find((r) => r.language === "ar" && r.texts.length > 2)!;
    const zh = all.find((r) => r.language === "zh" && r.texts.length > 2)!;
    const queries = [
      "e",
      "ß",
      [...ar.texts.at(-1)!].slice(2, 9).join(""),
      [...zh.texts.at(-1)!].slice(0, 2).join(""),
      "no such text anywhere",
    ];
    for (const q of queries) {
      const f = parsePairTableParams({ q, sort: "id" });
      expect(await allPages({ q, sort: "id" }, 50)).toEqual(expected(f, "id", "asc"));
      expect(await countPairs(t.db, datasetId, f)).toBe(expected(f, "id", "asc").length);
    }
    expect(expected(parsePairTableParams({ q: queries[2]! }), "id", "asc")).toContain(ar.id);
  });

  it("counts the whole filter result", async () => {
    const f = parsePairTableParams({ lang: "zh", flags: "flagged" });
    expect(await countPairs(t.db, datasetId, f)).toBe(expected(f, "id", "asc").length);
    expect(await countPairs(t.db, datasetId, parsePairTableParams({}))).toBe(50);
    // With a cap, counting stops after cap + 1 rows ("more than cap").
    expect(await countPairs(t.db, datasetId, parsePairTableParams({}), 20)).toBe(21);
    expect(await countPairs(t.db, datasetId, parsePairTableParams({}), 50)).toBe(50);
    expect(await countPairs(t.db, datasetId, f, 1_000)).toBe(expected(f, "id", "asc").length);
  });

  it("ignores malformed URL parameters instead of failing", () => {
    const p = parsePairTableParams({
      lang: "<script>",
      status: "bogus",
      sort: "text; DROP",
      dir: "up",
      size: "9999",
      after: "%%%",
      flags: "conflict,nope",
    });
    expect(p).toMatchObject({ lang: undefined, status: undefined, sort: "margin", dir: "asc", size: 50, after: null, flags: [] });
  });
});
