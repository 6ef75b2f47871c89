import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import { decidePair } from "@/lib/pairs/decide";
import { datasetWithIds, TWO_MATH_GROUPS } from "@/lib/testing/select-fixtures";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { createSelectRun, cancelRun } from "./create-select-run";
import { executeSelectRun } from "./execute-select-run";

// TWO_MATH_GROUPS: answers decide every pair, so the expected result is known by hand.
const t = databaseForThisFile();
let datasetId: number;
let id: (g: string, l: string, s: number) => number;

beforeAll(async () => {
  ({ datasetId, id } = await datasetWithIds(t.db, "fixture", TWO_MATH_GROUPS));
});

async function pairsNow() {
  const { rows } = await t.db.pool.query<{
    ext: string;
    language: string;
    chosen_id: number | null;
    rejected_id: number | null;
    status: string;
    origin: string;
    skip_reason: string | null;
    conflict: boolean;
    run_id: number;
  }>(
    `SELECT g.external_id AS ext, p.language, p.chosen_id, p.rejected_id, p.status, p.origin, p.skip_reason, p.conflict, p.run_id
     FROM pairs p JOIN prompt_groups g ON g.id = p.group_id WHERE p.dataset_id = $1 ORDER BY g.external_id, p.language`,
    [datasetId],
  );
  return rows;
}

describe("select runs", () => {
  it("`cli select` picks the consistent English reference and the expected pair in every language", async () => {
    expect(await runCli(["select", "--dataset", "fixture", "--scorer", "answer", "--json"])).toBe(0);
    const refs = await t.db.pool.query<{ response_id: number; cons: number }>(
      `SELECT response_id, cons FROM run_references ORDER BY group_id`,
    );
    // q1: samples 0 and 2 agree (Cons ≥ 0.5); sample 0 wins the tie on the lexical tie-break or the lower index.
    expect([id("q1", "en", 0), id("q1", "en", 2)]).toContain(refs.rows[0]!.response_id);
    expect([id("q2", "en", 0), id("q2", "en", 1)]).toContain(refs.rows[1]!.response_id);
    expect((await pairsNow()).map((p) => [p.ext, p.language, p.chosen_id, p.rejected_id, p.status, p.skip_reason])).toEqual([
      ["q1", "ar", id("q1", "ar", 0), id("q1", "ar", 1), "proposed", null],
      ["q1", "de", id("q1", "de", 1), id("q1", "de", 0), "proposed", null],
      ["q2", "ar", null, null, "skipped", "same_response"], // its two samples are one text: both stored, equal scores
      ["q2", "de", id("q2", "de", 0), id("q2", "de", 1), "proposed", null],
    ]);
    const run = await t.db.prisma.pipelineRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run.status).toBe("succeeded");
    expect(run.doneItems).toBe(2);
    expect(run.summary).toMatchObject({
      groups: 2,
      pairs: 3,
      skipped: { same_response: 1 },
      scorers: { answer: 2 },
      languages: { de: { pairs: 2, quality: { judged: 2, chosenCorrect: 1, rejectedWrong: 1 } }, ar: { pairs: 1 } },
    });
    const means = await t.db.pool.query<{ language: string; mean: number }>(
      `SELECT language, avg(margin)::float8 AS mean FROM run_proposals
       WHERE run_id = $1 AND skip_reason IS NULL AND basis = 'score' GROUP BY language ORDER BY language`,
      [run.id],
    );
    const languages = (run.summary as { languages: Record<string, { meanMargin: number | null; guardPairs: number }> }).languages;
    for (const m of means.rows) expect(languages[m.language]).toMatchObject({ meanMargin: expect.closeTo(m.mean, 12), guardPairs: 0 });
    const bases = await t.db.pool.query<{ basis: string | null; skip_reason: string | null; skip_detail: string | null }>(
      `SELECT basis, skip_reason, skip_detail FROM run_proposals WHERE run_id = $1 ORDER BY group_id, language`,
      [run.id],
    );
    expect(bases.rows.map((r) => [r.basis, r.skip_reason, r.skip_detail])).toEqual([
      ["score", null, null],
      ["score", null, null],
      [null, "same_response", "every candidate has the same score"],
      ["score", null, null],
    ]);
    expect(means.rows.map((m) => m.language)).toEqual(["ar", "de"]);
  });

  it("a re-run never changes a human decision and flags the disagreement", async () => {
    const [, de] = await t.db.prisma.pair.findMany({ where: { datasetId }, orderBy: [{ groupId: "asc" }, { language: "asc" }] });
    await decidePair(t.db, datasetId, { pairId: de!.id, expectedVersion: de!.version, decision: { action: "swap" }, reason: "test" });
    const { runId } = await createSelectRun(t.db, datasetId, { scorer: "answer" });
    expect(await executeSelectRun(t.db, runId)).toBe("succeeded");
    const after = (await pairsNow()).find((p) => p.ext === "q1" && p.language === "de")!;
    expect(after).toMatchObject({
      chosen_id: id("q1", "de", 0),
      rejected_id: id("q1", "de", 1),
      origin: "human",
      status: "accepted",
      conflict: true,
      run_id: runId,
    });
    const untouched = (await pairsNow()).find((p) => p.ext === "q2" && p.language === "de")!;
    expect(untouched).toMatchObject({ origin: "auto", run_id: runId, conflict: false });
  });

  it("a stale second reviewer gets a conflict, never a lost update", async () => {
    const pair = await t.db.prisma.pair.findFirstOrThrow({ where: { datasetId, language: "ar", status: "proposed" } });
    await decidePair(t.db, datasetId, { pairId: pair.id, expectedVersion: pair.version, decision: { action: "accept" } });
    await expect(
      decidePair(t.db, datasetId, { pairId: pair.id, expectedVersion: pair.version, decision: { action: "reject" } }),
    ).rejects.toThrow("Someone else decided on this pair meanwhile");
    expect((await t.db.prisma.pair.findUniqueOrThrow({ where: { id: pair.id } })).status).toBe("accepted");
  });

  it("several workers share one run and it finishes exactly once", async () => {
    const { runId } = await createSelectRun(t.db, datasetId, { scorer: "lexical", chunkSize: 1 });
    const outcomes = await Promise.all([
      executeSelectRun(t.db, runId, { workerId: "a" }),
      executeSelectRun(t.db, runId, { workerId: "b" }),
    ]);
    expect(outcomes.filter((o) => o === "succeeded")).toHaveLength(1);
    const counts = await t.db.pool.query<{ refs: number; proposals: number }>(
      `SELECT (SELECT count(*)::int FROM run_references WHERE run_id = $1) AS refs, (SELECT count(*)::int FROM run_proposals WHERE run_id = $1) AS proposals`,
      [runId],
    );
    expect(counts.rows[0]).toEqual({ refs: 2, proposals: 4 });
  });

  it("a cancelled run does no work", async () => {
    const { runId } = await createSelectRun(t.db, datasetId, {});
    expect(await cancelRun(t.db, runId)).toBe("cancelled");
    expect(await executeSelectRun(t.db, runId)).toBe("finished-before");
    expect(await t.db.prisma.runProposal.count({ where: { runId } })).toBe(0);
  });

  it("fails as a whole when a chunk fails, recording why, and writes no proposal", async () => {
    // No embedding endpoint is configured, so embedding with a remote model fails in every chunk.
    const { runId } = await createSelectRun(t.db, datasetId, { scorer: "embedding", embeddingModel: "remote-embedder", chunkSize: 1 });
    expect(await executeSelectRun(t.db, runId)).toBe("failed");
    const run = await t.db.prisma.pipelineRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("failed");
    expect(run.error).toBe("No provider base URL is configured (Settings, or OPENAI_BASE_URL).");
    expect(await t.db.prisma.runProposal.count({ where: { runId } })).toBe(0);
  });

  it("rejects an invalid config with the field named", async () => {
    await expect(createSelectRun(t.db, datasetId, { margin: -1 })).rejects.toThrow("Invalid run config: margin:");
  });
});

describe("a reference a human corrected", () => {
  it("is kept by later runs", async () => {
    const { pickReference } = await import("@/lib/references/pick-reference");
    const group = await t.db.prisma.promptGroup.findFirstOrThrow({ where: { datasetId, externalId: "q1" } });
    await pickReference(t.db, datasetId, { groupId: group.id, responseId: id("q1", "en", 1), reason: "sample 1 is right" });
    const { runId } = await createSelectRun(t.db, datasetId, { scorer: "answer" });
    expect(await executeSelectRun(t.db, runId)).toBe("succeeded");
    const ref = await t.db.prisma.runReference.findUniqueOrThrow({ where: { runId_groupId: { runId, groupId: group.id } } });
    expect(ref.responseId).toBe(id("q1", "en", 1));
  });
});
