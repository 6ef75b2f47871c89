import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, queryOne, queryRows, sql } from "@/lib/db/sql";
import {
  autoProposalSource,
  groupReference,
  pairReference,
  type CorrectionFacts,
  type ReferenceHistory,
  type RunFacts,
} from "@/lib/pipeline/reference-in-effect";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { z } from "zod";
import { autoProposalJoin } from "./auto-proposal";
import { effectiveReference } from "./group-reference";
import { effectiveReferenceJoin } from "./reference-in-effect";

// The reference-in-effect rule is written twice: as SQL (effectiveReferenceJoin, autoProposalJoin,
// effectiveReference) and as its pure twin (lib/pipeline/reference-in-effect.ts). On any history of
// runs (succeeded or failed, finished or not, skipping groups), reference corrections (picks, edits,
// undos back to the run's rule) and pairs, both give the same answer.

const GROUPS = 2;
const LANGUAGES = ["de", "zh"] as const;
const minute = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
// Markers in chosen_id telling which proposal the SQL picked.
const CORRECTION_MARK = 1_000_000;
const RUN_MARK = 2_000_000;

const arbRun = fc.record({
  kind: fc.constantFrom("select" as const, "select" as const, "generate" as const),
  status: fc.constantFrom("succeeded" as const, "succeeded" as const, "failed" as const),
  finished: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
  // Per group: no reference row, a skipped group (null response) or a chosen (gold or consistent) response.
  references: fc.array(
    fc.option(fc.record({ responseId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), cons: fc.integer({ min: 0, max: 4 }) }), {
      nil: undefined,
    }),
    { minLength: GROUPS, maxLength: GROUPS },
  ),
  proposals: fc.array(fc.boolean(), { minLength: GROUPS * LANGUAGES.length, maxLength: GROUPS * LANGUAGES.length }),
});
const arbCorrection = fc.record({
  group: fc.integer({ min: 0, max: GROUPS - 1 }),
  at: fc.integer({ min: 0, max: 8 }),
  responseId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  scores: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), { minLength: 4, maxLength: 4 }),
  proposals: fc.array(fc.boolean(), { minLength: LANGUAGES.length, maxLength: LANGUAGES.length }),
});
const arbHistory = fc.record({
  runs: fc.array(arbRun, { maxLength: 4 }),
  corrections: fc.array(arbCorrection, { maxLength: 5 }),
  // Per (group, language): no pair, or a pair of run n (modulo the runs; -1: a pair without run).
  pairs: fc.array(fc.option(fc.integer({ min: -1, max: 3 }), { nil: null }), {
    minLength: GROUPS * LANGUAGES.length,
    maxLength: GROUPS * LANGUAGES.length,
  }),
});
type Generated = typeof arbHistory extends fc.Arbitrary<infer T> ? T : never;

let t: TestDatabase;
let datasetId: number;
let groupIds: number[];

beforeAll(async () => {
  t = await createTestDatabase();
  const dataset = await t.db.prisma.dataset.create({ data: { slug: "reference-in-effect", name: "r", languages: ["en", ...LANGUAGES] } });
  datasetId = dataset.id;
  groupIds = [];
  for (let g = 0; g < GROUPS; g++) groupIds.push((await t.db.prisma.promptGroup.create({ data: { datasetId, externalId: `g${g}` } })).id);
});
afterAll(async () => t?.drop());

const ZId = z.object({ id: z.number() });

/** Writes the generated history (after clearing the last one) and returns it as the twin's facts with their pair keys. */
async function store(h: Generated) {
  const db = t.db.pool;
  await execute(db, sql`DELETE FROM pairs WHERE dataset_id = ${datasetId}`);
  await execute(db, sql`DELETE FROM reference_corrections WHERE dataset_id = ${datasetId}`);
  await execute(db, sql`DELETE FROM pipeline_runs WHERE dataset_id = ${datasetId}`);
  const runs: RunFacts[] = [];
  for (const r of h.runs) {
    const finishedAt = r.finished === null ? null : minute(r.finished);
    const { id } = await queryOne(
      db,
      sql`INSERT INTO pipeline_runs (dataset_id, kind, status, config, finished_at)
          VALUES (${datasetId}, ${r.kind}::"RunKind", ${r.status}::"JobStatus", '{}', ${finishedAt}) RETURNING id`,
      ZId,
    );
    const references = new Map<number, { responseId: number | null; cons: number | null }>();
    for (const [g, ref] of r.references.entries()) {
      if (!ref) continue;
      const cons = ref.cons / 4;
      references.set(groupIds[g]!, { responseId: ref.responseId, cons });
      await execute(
        db,
        sql`INSERT INTO run_references (run_id, group_id, dataset_id, response_id, cons, scorer)
                            VALUES (${id}, ${groupIds[g]!}, ${datasetId}, ${ref.responseId}, ${cons}, 'lexical')`,
      );
    }
    const proposals = new Set<string>();
    for (const [k, has] of r.proposals.entries()) {
      if (!has) continue;
      const groupId = groupIds[Math.floor(k / LANGUAGES.length)]!;
      const language = LANGUAGES[k % LANGUAGES.length]!;
      proposals.add(`${groupId}:${language}`);
      await execute(
        db,
        sql`INSERT INTO run_proposals (run_id, group_id, language, dataset_id, chosen_id)
                            VALUES (${id}, ${groupId}, ${language}, ${datasetId}, ${RUN_MARK + id})`,
      );
    }
    runs.push({ id, kind: r.kind, status: r.status, finishedAt, references, proposals });
  }
  // Corrections are made in time order (ids grow with created_at), as the app makes them.
  const corrections: CorrectionFacts[] = [];
  for (const c of [...h.corrections].sort((a, b) => a.at - b.at)) {
    const groupId = groupIds[c.group]!;
    const createdAt = minute(c.at);
    const { id } = await queryOne(
      db,
      sql`INSERT INTO reference_corrections (dataset_id, group_id, kind, response_id, created_at)
          VALUES (${datasetId}, ${groupId}, ${c.responseId === null ? "undo" : "pick"}::"ReferenceCorrectionKind", ${c.responseId}, ${createdAt})
          RETURNING id`,
      ZId,
    );
    const scores = new Map<number, number>();
    for (const [i, s] of c.scores.entries()) {
      if (s === null) continue;
      scores.set(i + 1, s / 4);
      await execute(
        db,
        sql`INSERT INTO reference_scores (correction_id, response_id, kind, score) VALUES (${id}, ${i + 1}, 'cons', ${s / 4})`,
      );
    }
    const proposals = new Set<string>();
    for (const [i, has] of c.proposals.entries()) {
      if (!has) continue;
      proposals.add(LANGUAGES[i]!);
      await execute(
        db,
        sql`INSERT INTO reference_proposals (correction_id, language, dataset_id, group_id, chosen_id)
                            VALUES (${id}, ${LANGUAGES[i]!}, ${datasetId}, ${groupId}, ${CORRECTION_MARK + id})`,
      );
    }
    corrections.push({ id, groupId, createdAt, responseId: c.responseId, scores, proposals });
  }
  for (const [k, run] of h.pairs.entries()) {
    if (run === null) continue;
    const runId = run < 0 || runs.length === 0 ? null : runs[run % runs.length]!.id;
    await execute(
      db,
      sql`INSERT INTO pairs (dataset_id, group_id, language, status, run_id)
                          VALUES (${datasetId}, ${groupIds[Math.floor(k / LANGUAGES.length)]!}, ${LANGUAGES[k % LANGUAGES.length]!}, 'skipped', ${runId})`,
    );
  }
  return { runs, corrections } satisfies ReferenceHistory;
}

const ZPairRow = z.object({
  group_id: z.number(),
  language: z.string(),
  run_id: z.number().nullable(),
  response_id: z.number().nullable(),
  cons: z.number().nullable(),
  correction_id: z.number().nullable(),
  marker: z.number().nullable(),
});

function proposalOf(marker: number | null) {
  if (marker === null) return null;
  return marker >= RUN_MARK ? { runId: marker - RUN_MARK } : { correctionId: marker - CORRECTION_MARK };
}

describe("the reference in effect: SQL and its pure twin agree", () => {
  it("for every pair (reference, its Cons, automatic proposal) and every group (effectiveReference)", async () => {
    await fc.assert(
      fc.asyncProperty(arbHistory, async (generated) => {
        const history = await store(generated);
        const rows = await queryRows(
          t.db.pool,
          sql`SELECT p.group_id, p.language, p.run_id, eref.response_id, eref.cons, eref.correction_id, ap.chosen_id AS marker
              FROM pairs p ${effectiveReferenceJoin("p")} ${autoProposalJoin("p")}
              WHERE p.dataset_id = ${datasetId} ORDER BY p.id`,
          ZPairRow,
        );
        for (const row of rows) {
          const key = { groupId: row.group_id, language: row.language, runId: row.run_id };
          expect({ correctionId: row.correction_id, responseId: row.response_id, cons: row.cons }).toEqual(pairReference(history, key));
          expect(proposalOf(row.marker)).toEqual(autoProposalSource(history, key));
        }
        for (const groupId of groupIds) {
          const ref = await effectiveReference(t.db.pool, datasetId, groupId);
          const sqlSide = { correctionId: ref.correction?.id ?? null, runId: ref.run?.id ?? null, responseId: ref.responseId };
          expect(sqlSide).toEqual(groupReference(history, groupId));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a correction made in the same instant a run finished is not in effect for that run's pairs (strictly newer)", async () => {
    const history = await store({
      runs: [
        {
          kind: "select",
          status: "succeeded",
          finished: 3,
          references: [{ responseId: 1, cons: 4 }, undefined],
          proposals: [true, false, false, false],
        },
      ],
      corrections: [{ group: 0, at: 3, responseId: 2, scores: [null, 2, null, null], proposals: [true, true] }],
      pairs: [0, null, null, null],
    });
    const key = { groupId: groupIds[0]!, language: "de", runId: history.runs[0]!.id };
    expect(pairReference(history, key)).toEqual({ correctionId: null, responseId: 1, cons: 1 });
    const row = await queryOne(
      t.db.pool,
      sql`SELECT eref.response_id FROM pairs p ${effectiveReferenceJoin("p")} WHERE p.dataset_id = ${datasetId}`,
      z.object({ response_id: z.number() }),
    );
    expect(row.response_id).toBe(1);
  });
});
