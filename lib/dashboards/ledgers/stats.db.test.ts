import { readFile } from "node:fs/promises";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNIT_EDGES } from "@/lib/dashboards/charts/buckets";
import { groupCounts, pairAggregates, referenceCons, responseStats } from "@/lib/dashboards/queries/overview";
import { deriveResponseFields } from "@/lib/datasets/derive";
import { insertGroups } from "@/lib/datasets/insert-groups";
import { isAppError } from "@/lib/errors";
import { decidePair } from "@/lib/pairs/decide";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { materializePairs } from "@/lib/runs/materialize-pairs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { COMPACT_SLACK, compactAllFragmented, compactFragmented, compactLedger } from "./compact";
import { LEDGERS, baseTotals, ledgerTotals, type LedgerName } from "./ledgers";

// The ledgers must equal a fresh GROUP BY over the base tables after any sequence of writes: through
// our own writers (the loader, run materialisation, reviewer decisions, compaction) and raw SQL
// inserts, updates and deletes (bulk and single-row, cascades from deleted groups).

let t: TestDatabase;
let main: { datasetId: number; runId: number };
let other: { datasetId: number; runId: number };

beforeAll(async () => {
  t = await createTestDatabase();
  main = await seedPairsFixture(t.db, "stats-main", 12);
  other = await seedPairsFixture(t.db, "stats-other", 6);
});
afterAll(async () => t.drop());

const NAMES = Object.keys(LEDGERS) as LedgerName[];
const canon = (rows: Record<string, unknown>[]) =>
  rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();

async function expectLedgersExact(datasetId: number) {
  for (const name of NAMES) {
    expect(canon(await ledgerTotals(t.db, name, datasetId)), name).toEqual(canon(await baseTotals(t.db, name, datasetId)));
  }
}

// The overview's queries as plain aggregates over the base tables (how they read before the ledgers).
async function plainOverview(datasetId: number) {
  const q = async (sql: string) => (await t.db.pool.query(sql, [datasetId, UNIT_EDGES])).rows;
  return {
    pairs: await q(
      `SELECT language, status::text AS status, origin::text AS origin, count(*)::int AS n FROM pairs WHERE dataset_id = $1 AND $2::float8[] IS NOT NULL GROUP BY 1, 2, 3`,
    ),
    margins: await q(
      `SELECT language, width_bucket(margin, $2::float8[]) AS bucket, count(*)::int AS n FROM pairs WHERE dataset_id = $1 GROUP BY 1, 2`,
    ),
    chosenScores: await q(
      `SELECT language, width_bucket(score_chosen, $2::float8[]) AS bucket, count(*)::int AS n FROM pairs WHERE dataset_id = $1 AND status <> 'skipped' AND score_chosen IS NOT NULL GROUP BY 1, 2`,
    ),
    rejectedScores: await q(
      `SELECT language, width_bucket(score_rejected, $2::float8[]) AS bucket, count(*)::int AS n FROM pairs WHERE dataset_id = $1 AND status <> 'skipped' AND score_rejected IS NOT NULL GROUP BY 1, 2`,
    ),
    responses: await q(`SELECT language, count(*)::int AS responses,
        count(*) FILTER (WHERE detected_language IS NOT NULL AND detected_language <> split_part(language, '-', 1))::int AS "offTarget",
        percentile_disc(0.5) WITHIN GROUP (ORDER BY char_length) AS "medianChars", percentile_disc(0.9) WITHIN GROUP (ORDER BY char_length) AS "p90Chars"
        FROM responses WHERE dataset_id = $1 AND $2::float8[] IS NOT NULL GROUP BY 1 ORDER BY 1`),
    groups: (
      await q(
        `SELECT count(*)::int AS groups, count(gold)::int AS "groupsWithGold" FROM prompt_groups WHERE dataset_id = $1 AND $2::float8[] IS NOT NULL`,
      )
    )[0],
    cons: await q(`SELECT width_bucket(cons, $2::float8[]) AS bucket, count(*)::int AS n FROM run_references
        WHERE run_id = (SELECT max(id) FROM pipeline_runs WHERE dataset_id = $1 AND kind = 'select' AND status = 'succeeded') GROUP BY 1`),
  };
}

async function expectOverviewExact(datasetId: number) {
  const plain = await plainOverview(datasetId);
  const agg = await pairAggregates(t.db, datasetId);
  expect(canon(agg.pairs)).toEqual(canon(plain.pairs));
  expect(canon(agg.margins)).toEqual(canon(plain.margins));
  expect(canon(agg.chosenScores)).toEqual(canon(plain.chosenScores));
  expect(canon(agg.rejectedScores)).toEqual(canon(plain.rejectedScores));
  expect(await responseStats(t.db, datasetId)).toEqual(plain.responses);
  expect(await groupCounts(t.db, datasetId)).toEqual(plain.groups);
  expect(canon((await referenceCons(t.db, datasetId)).rows)).toEqual(canon(plain.cons));
}

const value = fc.oneof(fc.constantFrom(null, -0.1, 0, 0.1, 0.5, 0.9, 1), fc.double({ min: -1, max: 1.2, noNaN: true }));
const subset = { mod: fc.integer({ min: 1, max: 6 }), rem: fc.nat(5) };

const op = fc.oneof(
  fc.record({ kind: fc.constant("decide" as const), pick: fc.nat(), action: fc.constantFrom("accept", "reject", "swap", "reset", "flag") }),
  fc.record({
    kind: fc.constant("updatePairs" as const),
    ...subset,
    chosen: value,
    rejected: value,
    status: fc.constantFrom("proposed", "accepted", "rejected", "skipped"),
    origin: fc.constantFrom("auto", "human"),
    flag: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("deletePairs" as const), ...subset }),
  fc.record({ kind: fc.constant("materialize" as const) }),
  fc.record({
    kind: fc.constant("insertResponses" as const),
    n: fc.integer({ min: 1, max: 5 }),
    lang: fc.constantFrom("de", "zh", "sw", "pt-BR"),
    len: fc.nat(40),
  }),
  fc.record({
    kind: fc.constant("updateResponses" as const),
    ...subset,
    detected: fc.constantFrom(null, "en", "de", "zh", "pt"),
    grow: fc.integer({ min: -3, max: 3 }),
  }),
  fc.record({ kind: fc.constant("deleteResponses" as const), ...subset }),
  fc.record({ kind: fc.constant("insertGroups" as const), n: fc.integer({ min: 1, max: 3 }), gold: fc.boolean() }),
  fc.record({ kind: fc.constant("updateGroups" as const), ...subset, gold: fc.option(fc.constantFrom("7", "18")) }),
  fc.record({ kind: fc.constant("deleteGroup" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("updateReferences" as const), ...subset, cons: value }),
  fc.record({ kind: fc.constant("deleteReferences" as const), ...subset }),
  fc.record({ kind: fc.constant("compact" as const), ledger: fc.constantFrom(...NAMES) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;

async function apply(o: Op, datasetId: number, runId: number): Promise<void> {
  const q = (sql: string, params: unknown[]) => t.db.pool.query(sql, params);
  switch (o.kind) {
    case "decide": {
      const { rows } = await q(`SELECT id, version FROM pairs WHERE dataset_id = $1 ORDER BY id`, [datasetId]);
      const pair = rows[o.pick % Math.max(rows.length, 1)] as { id: number; version: number } | undefined;
      if (!pair) return;
      const decision =
        o.action === "flag"
          ? { action: "flag" as const, reason: "property test" }
          : { action: o.action as "accept" | "reject" | "swap" | "reset" };
      // A decision the pair's state does not allow is refused as a whole; the ledger must not move either.
      await decidePair(t.db, datasetId, { pairId: pair.id, expectedVersion: pair.version, decision }).catch((e: unknown) => {
        if (!isAppError(e)) throw e;
      });
      return;
    }
    case "updatePairs":
      await q(
        `UPDATE pairs SET score_chosen = $4::float8, score_rejected = $5::float8, margin = $4::float8 - $5::float8 + (id % 3) / 10.0, status = $6::"PairStatus",
                origin = $7::"PairOrigin", flagged = $8, conflict = NOT conflict, off_target = (id % 2 = 0) = $8
         WHERE dataset_id = $1 AND id % $2 = $3 % $2`,
        [datasetId, o.mod, o.rem, o.chosen, o.rejected, o.status, o.origin, o.flag],
      );
      return;
    case "deletePairs":
      await q(`DELETE FROM pairs WHERE dataset_id = $1 AND id % $2 = $3 % $2`, [datasetId, o.mod, o.rem]);
      return;
    case "materialize": {
      const client = await t.db.pool.connect();
      try {
        await materializePairs(client, runId, datasetId);
      } finally {
        client.release();
      }
      return;
    }
    case "insertResponses":
      await q(
        `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, detected_language)
         SELECT $1, g.id, $3, $6 * 1000 + s, t, sha256(convert_to(t, 'UTF8')), $4 + s, CASE WHEN s % 2 = 0 THEN 'en' END
         FROM (SELECT id FROM prompt_groups WHERE dataset_id = $1 ORDER BY id LIMIT 1) g CROSS JOIN generate_series(1, $2) s
         CROSS JOIN LATERAL (SELECT 'extra ' || $5::text || ' ' || s AS t) x`,
        [datasetId, o.n, o.lang, o.len, `${process.pid}-${++serial}`, serial],
      );
      return;
    case "updateResponses":
      await q(
        `UPDATE responses SET detected_language = $4, char_length = greatest(0, char_length + $5) WHERE dataset_id = $1 AND id % $2 = $3 % $2`,
        [datasetId, o.mod, o.rem, o.detected, o.grow],
      );
      return;
    case "deleteResponses":
      await q(`DELETE FROM responses WHERE dataset_id = $1 AND id % ($2 * 7) = $3 % ($2 * 7)`, [datasetId, o.mod, o.rem]);
      return;
    case "insertGroups":
      await insertGroups(
        t.db.pool,
        datasetId,
        Array.from({ length: o.n }, (_, i) => ({
          externalId: `prop-${process.pid}-${++serial}-${i}`,
          gold: o.gold ? "18" : null,
          meta: {},
          prompts: [{ lang: "en", text: "How many?" }],
          responses: [
            { lang: "en", sampleIndex: 0, text: `Answer: ${serial}` },
            { lang: "de", sampleIndex: 0, text: `Antwort: ${serial}${"!".repeat(i)}` },
          ],
        })),
        deriveResponseFields,
      );
      return;
    case "updateGroups":
      await q(`UPDATE prompt_groups SET gold = $4 WHERE dataset_id = $1 AND id % $2 = $3 % $2`, [datasetId, o.mod, o.rem, o.gold]);
      return;
    case "deleteGroup":
      // The group's proposals go too (they have no foreign key), so a later materialisation stays valid.
      await q(
        `WITH g AS (DELETE FROM prompt_groups WHERE id = (SELECT id FROM prompt_groups WHERE dataset_id = $1 ORDER BY id
                      OFFSET $2 % greatest(1, (SELECT count(*) FROM prompt_groups WHERE dataset_id = $1)) LIMIT 1) RETURNING id)
         DELETE FROM run_proposals WHERE dataset_id = $1 AND group_id IN (SELECT id FROM g)`,
        [datasetId, o.pick],
      );
      return;
    case "updateReferences":
      await q(`UPDATE run_references SET cons = $4 WHERE dataset_id = $1 AND group_id % $2 = $3 % $2`, [datasetId, o.mod, o.rem, o.cons]);
      return;
    case "deleteReferences":
      await q(`DELETE FROM run_references WHERE dataset_id = $1 AND group_id % ($2 + 3) = $3 % ($2 + 3)`, [datasetId, o.mod, o.rem]);
      return;
    case "compact":
      await compactLedger(t.db, o.ledger, datasetId);
      return;
  }
}

describe("summary ledgers", () => {
  it("bucket the way lib/dashboards/charts/buckets does (width_bucket over UNIT_EDGES)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(value, fc.constantFrom(...UNIT_EDGES)), { minLength: 1, maxLength: 20 }), async (xs) => {
        const { rows } = await t.db.pool.query<{ a: number | null; b: number | null }>(
          `SELECT stats_unit_bucket(x) AS a, width_bucket(x, $2::float8[]) AS b FROM unnest($1::float8[]) x`,
          [xs, UNIT_EDGES],
        );
        for (const r of rows) expect(r.a).toBe(r.b);
      }),
      { numRuns: 30 },
    );
  });

  it("start out equal to the base tables (backfill and the seeding writers)", async () => {
    await expectLedgersExact(main.datasetId);
    await expectOverviewExact(main.datasetId);
  });

  it("stay equal to a fresh GROUP BY after random sequences of writes, and the dashboard reads match plain aggregates", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) await apply(o, main.datasetId, main.runId);
        await expectLedgersExact(main.datasetId);
        await expectOverviewExact(main.datasetId);
      }),
      { numRuns: 25 },
    );
    // The other dataset was never written: its ledgers still match it.
    await expectLedgersExact(other.datasetId);
  });

  it("compaction keeps the figures and leaves one row per key", async () => {
    for (let i = 0; i < 4; i++)
      await apply(
        { kind: "updatePairs", mod: 1, rem: 0, chosen: i / 4, rejected: 0.1, status: "proposed", origin: "auto", flag: false },
        main.datasetId,
        main.runId,
      );
    const before = await ledgerTotals(t.db, "pairs", main.datasetId);
    await compactLedger(t.db, "pairs", main.datasetId);
    expect(canon(await ledgerTotals(t.db, "pairs", main.datasetId))).toEqual(canon(before));
    const { rows } = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pair_stats WHERE dataset_id = $1`, [
      main.datasetId,
    ]);
    expect(rows[0]!.n).toBe(before.length);
  });

  it("compaction folds only a ledger that grew past the slack", async () => {
    await compactLedger(t.db, "groups", main.datasetId);
    expect(await compactFragmented(t.db, main.datasetId)).not.toContain("groups");
    // Rows that cancel out, as a stream of single-row writes leaves them.
    await t.db.pool.query(
      `INSERT INTO group_stats (dataset_id, groups, with_gold) SELECT $1, 1 - 2 * (i % 2), 0 FROM generate_series(1, $2) i`,
      [main.datasetId, COMPACT_SLACK + 2],
    );
    expect(await compactFragmented(t.db, main.datasetId)).toContain("groups");
    const { rows } = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM group_stats WHERE dataset_id = $1`, [
      main.datasetId,
    ]);
    expect(rows[0]!.n).toBe(1);
    await expectLedgersExact(main.datasetId);
  });

  it("the worker's upkeep pass finds the fragmented datasets itself", async () => {
    await compactAllFragmented(t.db);
    expect(await compactAllFragmented(t.db)).toBe(0);
    await t.db.pool.query(
      `INSERT INTO group_stats (dataset_id, groups, with_gold) SELECT $1, 1 - 2 * (i % 2), 0 FROM generate_series(1, $2) i`,
      [other.datasetId, COMPACT_SLACK + 2],
    );
    expect(await compactAllFragmented(t.db)).toBe(1);
    const { rows } = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM group_stats WHERE dataset_id = $1`, [
      other.datasetId,
    ]);
    expect(rows[0]!.n).toBe(1);
    await expectLedgersExact(other.datasetId);
  });

  it("the migration's backfill rebuilds the ledgers from the base tables alone", async () => {
    const migration = await readFile("prisma/migrations/20261129120100_summary_stats/migration.sql", "utf8");
    const backfill = migration.slice(migration.indexOf("-- Backfill"));
    expect(backfill).toContain("INSERT INTO reference_stats");
    for (const name of NAMES) await t.db.pool.query(`DELETE FROM ${LEDGERS[name].table}`);
    await t.db.pool.query(backfill);
    await expectLedgersExact(main.datasetId);
    await expectLedgersExact(other.datasetId);
  });

  it("a deleted dataset leaves no ledger rows behind", async () => {
    await t.db.pool.query(`DELETE FROM datasets WHERE id = $1`, [other.datasetId]);
    for (const name of NAMES) {
      const { rows } = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${LEDGERS[name].table} WHERE dataset_id = $1`, [
        other.datasetId,
      ]);
      expect(rows[0]!.n, name).toBe(0);
    }
    await expectLedgersExact(main.datasetId);
  });
});
