import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as exportsRoute from "@/app/api/v1/datasets/[slug]/exports/route";
import { queryOne, queryRows, sql } from "@/lib/db/sql";
import { RECORD_SCHEMAS } from "@/lib/export/formats/schemas";
import type { Consensus } from "@/lib/pipeline/consensus";
import { adjudicatePair } from "@/lib/review/adjudicate";
import { setReviewPlan } from "@/lib/review/review-plan";
import { type ApiUsers, callRoute, createApiUsers } from "@/lib/testing/api-v1";
import { runCliCaptured } from "@/lib/testing/cli";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { type ConsensusFixture, seedConsensusFixture, voteThroughQueue } from "@/lib/testing/review-fixture";
import { exportDatabaseForThisFile } from "@/lib/testing/test-db";

const slug = "team-export";
const t = exportDatabaseForThisFile("cm-consensus-export-");
let f: ConsensusFixture;
let users: ApiUsers;

beforeAll(async () => {
  f = await seedConsensusFixture(t.db, slug);
  users = await createApiUsers(t.db);
}, 240_000);

type CmAlign = z.infer<(typeof RECORD_SCHEMAS)["cm-align"]>;

async function cliExport(name: string, ...flags: string[]): Promise<CmAlign[]> {
  const out = path.join(t.work, `${name}.jsonl`);
  const r = await runCliCaptured(["export", "--dataset", slug, "--format", "cm-align", "--out", out, ...flags]);
  expect(r.stderr).not.toContain("error");
  expect(r.code).toBe(0);
  const text = await readFile(out, "utf8");
  return text === ""
    ? []
    : text
        .trimEnd()
        .split("\n")
        .map((line) => RECORD_SCHEMAS["cm-align"].parse(JSON.parse(line)));
}

const ids = (records: { id: string }[]) => records.map((r) => Number(r.id)).sort((a, b) => a - b);

describe("exports filtered by consensus", () => {
  let everything: CmAlign[];
  beforeAll(async () => {
    everything = await cliExport("all");
  });

  it("carries every exported pair's consensus, as the votes settled it", () => {
    const settled = new Map(Object.entries(f.pairs).flatMap(([kind, pairIds]) => pairIds.map((id) => [String(id), kind])));
    for (const r of everything) expect(r.consensus).toBe(settled.get(r.id) ?? "pending");
    for (const kind of ["pending", "unanimous", "majority", "disputed", "adjudicated"]) {
      expect(everything.some((r) => r.consensus === kind)).toBe(true);
    }
  });

  it.each(["disputed", "adjudicated", "unanimous,majority", "pending"])(
    "--consensus %s exports exactly the pairs with that consensus",
    async (flag) => {
      const values = flag.split(",") as Consensus[];
      const records = await cliExport(`only-${values.join("-")}`, "--consensus", flag);
      expect(records.length).toBeGreaterThan(0);
      expect(ids(records)).toEqual(ids(everything.filter((r) => values.includes(r.consensus))));
    },
  );

  it("refuses an unknown value as a usage error naming the flag", async () => {
    const r = await runCliCaptured([
      "export",
      "--dataset",
      slug,
      "--format",
      "trl",
      "--out",
      path.join(t.work, "x.jsonl"),
      "--consensus",
      "settled",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "option '--consensus <list>' argument 'settled' is invalid. expected comma-separated consensus values from pending, unanimous, majority, disputed, adjudicated (not: settled)",
    );
  });

  it("takes consensus over REST and refuses a bad value naming the field", async () => {
    const post = (body: unknown) =>
      callRoute(exportsRoute.POST, `/api/v1/datasets/${slug}/exports`, {
        token: users.reviewer.token,
        method: "POST",
        body,
        params: { slug },
      });
    const bad = await post({ format: "trl", consensus: ["disputed", "split"] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain(
      'consensus.1: \\"split\\" is not a consensus; use pending, unanimous, majority, disputed, adjudicated',
    );
    expect((await post({ format: "trl", consensus: "disputed" })).status).toBe(400);
    const ok = await post({ format: "cm-align", consensus: ["majority", "disputed", "majority"] });
    expect(ok.status).toBe(201);
    expect((ok.body as { config: { consensus: string[] } }).config.consensus).toEqual(["majority", "disputed"]);
  });
});

describe("cm-align record of a disputed pair settled by an adjudicator", () => {
  it("holds both votes and the verdict, relative to the exported pair", async () => {
    const other = "team-cm-align";
    const { datasetId } = await seedPairsFixture(t.db, other, 4);
    // Lowest margin first: both reviewers get the same first pair.
    await setReviewPlan(t.db, datasetId, { votesPerPair: 2, order: "low-margin", blind: false, leaseMinutes: 10 }, null);
    const email = (name: string) => `${name}@cm-align.test`;
    const user = async (name: string) => (await t.db.prisma.user.create({ data: { email: email(name), name } })).id;
    const [ana, ben, judge] = [await user("ana"), await user("ben"), await user("judge")];
    const [pairId] = await voteThroughQueue(t.db, datasetId, ana, "de", (_, n) =>
      n === 0 ? { side: "chosen", reason: "clearer, and in German" } : null,
    );
    expect(await voteThroughQueue(t.db, datasetId, ben, "de", (_, n) => (n === 0 ? { side: "rejected" } : null))).toEqual([pairId]);
    const before = await queryOne(
      t.db.pool,
      sql`SELECT chosen_id AS "chosenId", rejected_id AS "rejectedId", consensus FROM pairs WHERE id = ${pairId!}`,
      z.object({ chosenId: z.number(), rejectedId: z.number(), consensus: z.string() }),
    );
    expect(before.consensus).toBe("disputed");
    await adjudicatePair(t.db, datasetId, pairId!, judge, {
      preferred: before.rejectedId,
      reason: "ben is right: the first one miscounts",
    });

    const out = path.join(t.work, "adjudicated.jsonl");
    const r = await runCliCaptured(["export", "--dataset", other, "--format", "cm-align", "--out", out, "--consensus", "adjudicated"]);
    expect(r.code).toBe(0);
    const lines = (await readFile(out, "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;

    const pair = await queryOne(
      t.db.pool,
      sql`SELECT p.id, g.external_id, p.language, pt.text AS prompt, c.text AS chosen, r.text AS rejected, p.score_chosen, p.score_rejected,
                 p.margin, p.origin::text, p.status::text, p.run_id, p.chosen_id, p.rejected_id, rr.scorer, ref.text AS en_reference
          FROM pairs p JOIN prompt_groups g ON g.id = p.group_id JOIN responses c ON c.id = p.chosen_id JOIN responses r ON r.id = p.rejected_id
          JOIN prompt_texts pt ON pt.group_id = p.group_id AND pt.language = p.language
          JOIN run_references rr ON rr.run_id = p.run_id AND rr.group_id = p.group_id JOIN responses ref ON ref.id = rr.response_id
          WHERE p.id = ${pairId!}`,
      z.object({
        id: z.number(),
        external_id: z.string(),
        language: z.string(),
        prompt: z.string(),
        chosen: z.string(),
        rejected: z.string(),
        score_chosen: z.number(),
        score_rejected: z.number(),
        margin: z.number(),
        origin: z.string(),
        status: z.string(),
        run_id: z.number(),
        chosen_id: z.number(),
        rejected_id: z.number(),
        scorer: z.string(),
        en_reference: z.string(),
      }),
    );
    // The verdict swapped the pair: the response ana preferred is now the rejected one.
    expect([pair.chosen_id, pair.rejected_id, pair.status]).toEqual([before.rejectedId, before.chosenId, "accepted"]);
    const ZCast = z.object({ seconds: z.number(), ms: z.number() });
    const cast = await queryRows(
      t.db.pool,
      sql`SELECT seconds, (extract(epoch FROM created_at) * 1000)::float8 AS ms FROM review_votes WHERE pair_id = ${pairId!} ORDER BY id`,
      ZCast,
    );
    const verdict = await queryOne(
      t.db.pool,
      sql`SELECT (extract(epoch FROM created_at) * 1000)::float8 AS ms FROM review_adjudications WHERE pair_id = ${pairId!}`,
      ZCast.pick({ ms: true }),
    );
    const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
    expect(record).toStrictEqual({
      id: String(pair.id),
      prompt_id: pair.external_id,
      lang: "de",
      prompt: pair.prompt,
      chosen: pair.chosen,
      rejected: pair.rejected,
      en_reference: pair.en_reference,
      score_chosen: pair.score_chosen,
      score_rejected: pair.score_rejected,
      margin: pair.margin,
      origin: "human",
      status: "accepted",
      run_id: String(pair.run_id),
      scorer: "lexical",
      consensus: "adjudicated",
      votes: [
        {
          reviewer: email("ana"),
          preferred: "rejected",
          reason: "clearer, and in German",
          seconds: cast[0]!.seconds,
          at: iso(cast[0]!.ms),
        },
        { reviewer: email("ben"), preferred: "chosen", reason: null, seconds: cast[1]!.seconds, at: iso(cast[1]!.ms) },
      ],
      adjudication: {
        adjudicator: email("judge"),
        preferred: "chosen",
        reason: "ben is right: the first one miscounts",
        at: iso(verdict.ms),
      },
    });
    expect(pair.scorer).toBe("lexical");
  });
});
