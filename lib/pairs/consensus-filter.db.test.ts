import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as pairsRoute from "@/app/api/v1/datasets/[slug]/pairs/route";
import { queryRows, sql } from "@/lib/db/sql";
import type { Consensus } from "@/lib/pipeline/consensus";
import { type ApiUsers, callRoute, createApiUsers } from "@/lib/testing/api-v1";
import { type ConsensusFixture, seedConsensusFixture } from "@/lib/testing/review-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { countPairs, listPairs, type PairRow } from "./queries";
import { parsePairTableParams, toQuery } from "./table";

const slug = "team-filter";
let t: TestDatabase;
let f: ConsensusFixture;
let users: ApiUsers;
let all: { id: number; language: string }[];

beforeAll(async () => {
  t = await createTestDatabase();
  f = await seedConsensusFixture(t.db, slug);
  users = await createApiUsers(t.db);
  all = await queryRows(
    t.db.pool,
    sql`SELECT id, language FROM pairs WHERE dataset_id = ${f.datasetId} ORDER BY id`,
    z.object({ id: z.number(), language: z.string() }),
  );
}, 240_000);
afterAll(() => t.drop());

/** The ids the fixture gave these consensus values, in id order; pending = every pair it did not settle. */
function expected(values: Consensus[]): number[] {
  const settled = new Set(Object.values(f.pairs).flat());
  return all
    .map((p) => p.id)
    .filter((id) => values.some((v) => (v === "pending" ? !settled.has(id) : f.pairs[v].includes(id))))
    .sort((a, b) => a - b);
}

/** Every page of the pairs table for a URL query, as the pairs page reads it. */
async function tableRows(query: string, size = 5): Promise<PairRow[]> {
  const raw: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(query)) (raw[k] ??= []).push(v);
  const base = parsePairTableParams({ ...raw, size: String(size) });
  const rows: PairRow[] = [];
  let after = null as typeof base.after;
  for (let i = 0; i < 100; i++) {
    const page = await listPairs(t.db, f.datasetId, { ...base, after });
    rows.push(...page.rows);
    if (!page.next) return rows;
    after = page.next;
  }
  throw new Error("pagination did not end");
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describe("consensus filter on the pairs table", () => {
  it("the fixture has pairs of every consensus", () => {
    for (const kind of ["unanimous", "majority", "disputed", "adjudicated"] as const) expect(f.pairs[kind].length).toBeGreaterThan(0);
    expect(f.pendingVoted).toHaveLength(2);
    expect(expected(["pending"]).length).toBeGreaterThan(f.pendingVoted.length);
  });

  it.each(["pending", "unanimous", "majority", "disputed", "adjudicated"] as const)(
    "consensus=%s gives exactly those pairs, on every page and in the count",
    async (value) => {
      const want = expected([value]);
      const rows = await tableRows(`consensus=${value}&sort=margin`);
      expect(ids(rows)).toEqual(want);
      expect(new Set(rows.map((r) => r.consensus))).toEqual(new Set([value]));
      expect(await countPairs(t.db, f.datasetId, parsePairTableParams({ consensus: value }))).toBe(want.length);
    },
  );

  it("takes several values, comma-separated or repeated (as the filter form's checkboxes send them)", async () => {
    const want = expected(["disputed", "adjudicated"]);
    expect(ids(await tableRows("consensus=disputed,adjudicated"))).toEqual(want);
    expect(ids(await tableRows("consensus=adjudicated&consensus=disputed&sort=id&dir=desc"))).toEqual(want);
    expect(ids(await tableRows("consensus=pending,unanimous,majority"))).toEqual(expected(["pending", "unanimous", "majority"]));
    expect(ids(await tableRows(""))).toEqual(all.map((p) => p.id));
  });

  it("combines with the other filters and stays in the URL of the next page", async () => {
    const sw = all.filter((p) => p.language === "sw").map((p) => p.id);
    expect(ids(await tableRows("consensus=pending&lang=sw"))).toEqual(sw);
    expect(ids(await tableRows("consensus=unanimous&lang=sw"))).toEqual([]);
    const params = parsePairTableParams({ consensus: "majority,disputed", lang: "de" });
    expect(toQuery(params)).toBe("lang=de&consensus=majority%2Cdisputed");
  });

  it("carries each pair's consensus and vote count", async () => {
    const rows = await tableRows("sort=id", 200);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [kind, pairIds] of Object.entries(f.pairs)) {
      for (const id of pairIds) expect(byId.get(id)).toMatchObject({ consensus: kind, votes: 3 });
    }
    for (const id of f.pendingVoted) expect(byId.get(id)).toMatchObject({ consensus: "pending", votes: 1 });
    const untouched = rows.filter((r) => r.language !== "de" && !f.pendingVoted.includes(r.id));
    expect(untouched.every((r) => r.consensus === "pending" && r.votes === 0)).toBe(true);
  });
});

describe("GET /api/v1/datasets/{slug}/pairs?consensus=", () => {
  const get = (query: string) =>
    callRoute(pairsRoute.GET, `/api/v1/datasets/${slug}/pairs?${query}`, { token: users.viewer.token, params: { slug } });

  it("filters by one or several values and returns consensus and votes on every record", async () => {
    const one = await get("consensus=majority&limit=200");
    expect(one.status).toBe(200);
    const data = (one.body as { data: (PairRow & Record<string, unknown>)[] }).data;
    expect(ids(data)).toEqual(expected(["majority"]));
    expect(data.every((r) => r.consensus === "majority" && r.votes === 3)).toBe(true);
    const two = await get("consensus=disputed,%20adjudicated&limit=200");
    expect(ids((two.body as { data: PairRow[] }).data)).toEqual(expected(["disputed", "adjudicated"]));
    const pending = await get("consensus=pending&lang=sw&limit=200");
    const pendingRows = (pending.body as { data: PairRow[] }).data;
    expect(pendingRows.filter((r) => r.votes === 1).map((r) => r.id)).toEqual([...f.pendingVoted].sort((a, b) => a - b));
  });

  it("pages with the filter: the next cursor keeps to the matching pairs", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`consensus=pending&sort=margin&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      const body = page.body as { data: PairRow[]; nextCursor: string | null };
      seen.push(...body.data.map((r) => r.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.sort((a, b) => a - b)).toEqual(expected(["pending"]));
  });

  it("refuses an unknown value with a 400 naming the parameter and the allowed values", async () => {
    const bad = await get("consensus=disputed,split");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain(
      "consensus.1: each consensus value must be one of pending, unanimous, majority, disputed, adjudicated",
    );
  });
});
