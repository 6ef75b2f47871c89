import { afterAll, beforeAll, expect, it } from "vitest";
import { loadGeneratedGroups } from "@/lib/datasets/seed-demo";
import { generateGroups } from "@/lib/demo";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createSelectRun } from "./create-select-run";
import { executeSelectRun } from "./execute-select-run";

const LANGS = ["en", "de", "zh", "ar", "fr"];

let t: TestDatabase;
let datasetId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  const d = await t.db.prisma.dataset.create({ data: { slug: "threads", name: "threads", languages: LANGS } });
  datasetId = d.id;
  await loadGeneratedGroups(t.db, datasetId, generateGroups({ seed: 7, groups: 24, languages: LANGS, samples: 4, mathShare: 0.5 }));
}, 60_000);
afterAll(async () => t.drop());

/** Everything a run decided, without its id: scores, references and proposals in a fixed order. */
async function resultsOf(runId: number) {
  const rows = async (query: string) => (await t.db.pool.query(query, [runId])).rows;
  return {
    scores: await rows(`SELECT response_id, group_id, kind, score FROM run_scores WHERE run_id = $1 ORDER BY response_id`),
    references: await rows(`SELECT group_id, response_id, cons, scorer FROM run_references WHERE run_id = $1 ORDER BY group_id`),
    proposals: await rows(
      `SELECT group_id, language, chosen_id, rejected_id, score_chosen, score_rejected, margin, skip_reason, skip_detail, basis
       FROM run_proposals WHERE run_id = $1 ORDER BY group_id, language`,
    ),
  };
}

async function runWith(scorer: "auto" | "embedding", threads: number) {
  const { runId } = await createSelectRun(t.db, datasetId, { scorer, chunkSize: 5 });
  expect(await executeSelectRun(t.db, runId, { threads })).toBe("succeeded");
  return resultsOf(runId);
}

it.each(["auto", "embedding"] as const)(
  "a %s run scored on 1 or 2 threads decides exactly what the calling thread decides",
  async (scorer) => {
    const here = await runWith(scorer, 0);
    expect(here.references).toHaveLength(24);
    expect(here.proposals).toHaveLength(24 * (LANGS.length - 1));
    expect(here.proposals.filter((p) => p.chosen_id !== null).length).toBeGreaterThan(24);
    expect(here.scores.length).toBeGreaterThan(24 * LANGS.length);
    expect(await runWith(scorer, 1)).toEqual(here);
    expect(await runWith(scorer, 2)).toEqual(here);
  },
  120_000,
);
