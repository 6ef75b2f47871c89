import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as datasetsRoute from "@/app/api/v1/datasets/route";
import * as datasetRoute from "@/app/api/v1/datasets/[slug]/route";
import * as runsRoute from "@/app/api/v1/datasets/[slug]/runs/route";
import * as pairsRoute from "@/app/api/v1/datasets/[slug]/pairs/route";
import * as exportsRoute from "@/app/api/v1/datasets/[slug]/exports/route";
import * as runRoute from "@/app/api/v1/runs/[id]/route";
import * as decisionsRoute from "@/app/api/v1/pairs/[id]/decisions/route";
import * as downloadRoute from "@/app/api/v1/exports/[id]/download/route";
import { runQueuedExport } from "@/lib/export/snapshots/create-export";
import { stopBoss } from "@/lib/jobs/queue";
import type { PairRow } from "@/lib/pairs/queries";
import { SORT_COLUMNS, type SortColumn } from "@/lib/pairs/table";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createUser } from "./accounts";
import { callRoute, createApiUsers, restrictDataset, type ApiUsers } from "@/lib/testing/api-v1";
import { forgetAuth, getAuth } from "./better-auth";
import * as meRoute from "@/app/api/v1/me/route";
import * as pairRoute from "@/app/api/v1/pairs/[id]/route";
import { CLIENT_IP_HEADER } from "./client-ip";

let t: TestDatabase;
let users: ApiUsers;
let root: string;
let open: { datasetId: number; runId: number };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "cm-api-v1-"));
  process.env.CM_EXPORT_DIR = root;
  t = await createTestDatabase();
  forgetAuth();
  users = await createApiUsers(t.db);
  open = await seedPairsFixture(t.db, "open", 30);
  const secret = await seedPairsFixture(t.db, "secret", 4);
  await restrictDataset(t.db, secret.datasetId, [users.reviewer.id]);
}, 240_000);

afterAll(async () => {
  await stopBoss();
  await t.drop();
  await rm(root, { recursive: true, force: true });
});

type Page<T> = { data: T[]; nextCursor: string | null };
const errorOf = (body: unknown) => (body as { error: string }).error;

async function allPages<T>(fetchPage: (cursor: string | null) => Promise<{ status: number; body: unknown }>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const { status, body } = await fetchPage(cursor);
    expect(status, JSON.stringify(body)).toBe(200);
    const page = body as Page<T>;
    pages.push(page.data);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return pages;
}

describe("datasets", () => {
  it("lists only the datasets a user may see, a page at a time", async () => {
    const slugs = async (role: keyof ApiUsers, limit: number) =>
      (
        await allPages<{ slug: string }>((cursor) =>
          callRoute(datasetsRoute.GET, `/api/v1/datasets?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { token: users[role].token }),
        )
      ).map((page) => page.map((d) => d.slug));
    expect(await slugs("viewer", 1)).toEqual([["open"]]);
    expect(await slugs("outsider", 50)).toEqual([["open"]]);
    expect(await slugs("reviewer", 1)).toEqual([["open"], ["secret"]]);
    expect(await slugs("admin", 2)).toEqual([["open", "secret"]]);
  });

  it("shows a dataset with its counts and its effective pairs per language", async () => {
    const { status, body } = await callRoute(datasetRoute.GET, "/api/v1/datasets/open", {
      token: users.viewer.token,
      params: { slug: "open" },
    });
    expect(status).toBe(200);
    const d = body as {
      slug: string;
      stats: { groups: number; responses: number };
      pairs: Record<string, { proposed: number; skipped: number; accepted: number; rejected: number }>;
    };
    expect(d.slug).toBe("open");
    expect(d.stats.groups).toBe(30);
    expect(d.stats.responses).toBe(await t.db.prisma.response.count({ where: { datasetId: open.datasetId } }));
    const total = Object.values(d.pairs).reduce((n, c) => n + c.proposed + c.skipped + c.accepted + c.rejected, 0);
    expect(total).toBe(await t.db.prisma.pair.count({ where: { datasetId: open.datasetId } }));
  });
});

describe("pairs pagination", () => {
  type Filter = { status?: "proposed" | "skipped"; lang?: string; minMargin?: number };
  const filters: Filter[] = [{}, { status: "proposed" }, { lang: "de" }, { minMargin: 0.05 }, { lang: "zh", status: "proposed" }];

  async function expectedIds(f: Filter): Promise<Set<number>> {
    const rows = await t.db.prisma.pair.findMany({
      where: {
        datasetId: open.datasetId,
        status: f.status,
        language: f.lang,
        ...(f.minMargin === undefined ? {} : { margin: { gte: f.minMargin } }),
      },
      select: { id: true },
    });
    return new Set(rows.map((r) => r.id));
  }

  const sortValue = (row: PairRow, sort: SortColumn) =>
    ({ margin: row.margin, scoreChosen: row.scoreChosen, scoreRejected: row.scoreRejected, group: row.groupId, id: row.id })[sort];

  it("walks every matching pair exactly once, in sort order, whatever the page size", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(...SORT_COLUMNS),
        fc.constantFrom("asc" as const, "desc" as const),
        fc.constantFrom(...filters),
        async (limit, sort, dir, filter) => {
          const query = new URLSearchParams({ limit: String(limit), sort, dir });
          for (const [k, v] of Object.entries(filter)) query.set(k, String(v));
          const pages = await allPages<PairRow>((cursor) =>
            callRoute(pairsRoute.GET, `/api/v1/datasets/open/pairs?${query}${cursor ? `&cursor=${cursor}` : ""}`, {
              token: users.viewer.token,
              params: { slug: "open" },
            }),
          );
          const rows = pages.flat();
          const ids = rows.map((r) => r.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(new Set(ids)).toEqual(await expectedIds(filter));
          expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
          const sign = dir === "asc" ? 1 : -1;
          for (let i = 1; i < rows.length; i++) {
            const [a, b] = [sortValue(rows[i - 1]!, sort), sortValue(rows[i]!, sort)];
            // Rows without a value come last in both directions.
            const cmp = a === b ? 0 : a === null ? 1 : b === null ? -1 : sign * (a < b ? -1 : 1);
            expect(cmp === 0 ? sign * (rows[i - 1]!.id - rows[i]!.id) : cmp).toBeLessThan(0);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("bad input", () => {
  const get = (query: string) =>
    callRoute(pairsRoute.GET, `/api/v1/datasets/open/pairs?${query}`, { token: users.viewer.token, params: { slug: "open" } });

  it.each([
    ["limit=0", /^limit: must be an integer from 1 to 200$/],
    ["limit=abc", /^limit: /],
    ["status=done", /^status: must be proposed, accepted, rejected or skipped$/],
    ["minMargin=high", /^minMargin: must be a number$/],
    ["flags=conflict,nope", /^flags\.1: each flag must be one of/],
    ["sort=length", /^sort: must be one of margin, scoreChosen/],
    ["cursor=bm90IGEgY3Vyc29y", /^cursor: not a cursor returned by this endpoint/],
    ["min_margin=0.3", /^query: unknown field\(s\) min_margin$/],
  ])("GET pairs?%s is a 400 naming the parameter", async (query, message) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(errorOf(body)).toMatch(message);
  });

  it("names the path segment, the body and its fields", async () => {
    const run = await callRoute(runRoute.GET, "/api/v1/runs/abc", { token: users.viewer.token, params: { id: "abc" } });
    expect([run.status, errorOf(run.body)]).toEqual([400, "id: must be a positive integer (at most 2147483647)"]);
    const post = (body: unknown) =>
      callRoute(runsRoute.POST, "/api/v1/datasets/open/runs", { token: users.admin.token, method: "POST", body, params: { slug: "open" } });
    expect(errorOf((await post("{not json")).body)).toBe("body: not valid JSON");
    const form = await callRoute(runsRoute.POST, "/api/v1/datasets/open/runs", {
      token: users.admin.token,
      method: "POST",
      params: { slug: "open" },
      headers: { "content-type": "text/plain" },
      rawBody: "{}",
    });
    expect([form.status, errorOf(form.body)]).toEqual([400, "body: send JSON with Content-Type: application/json"]);
    expect(errorOf((await post({ scorer: "magic" })).body)).toMatch(/^scorer: /);
    expect(errorOf((await post({ scorrer: "lexical" })).body)).toBe("body: unknown field(s) scorrer");
    const decide = await callRoute(decisionsRoute.POST, "/api/v1/pairs/1/decisions", {
      token: users.reviewer.token,
      method: "POST",
      body: { decision: { action: "accept" } },
      params: { id: "1" },
    });
    expect([decide.status, errorOf(decide.body)]).toEqual([400, "expectedVersion: Invalid input: expected number, received undefined"]);
    const exp = await callRoute(exportsRoute.POST, "/api/v1/datasets/open/exports", {
      token: users.reviewer.token,
      method: "POST",
      body: { format: "xml" },
      params: { slug: "open" },
    });
    expect(exp.status).toBe(400);
    expect(errorOf(exp.body)).toMatch(/^format: must be one of trl, /);
    const lang = await callRoute(exportsRoute.POST, "/api/v1/datasets/open/exports", {
      token: users.reviewer.token,
      method: "POST",
      body: { format: "trl", languages: ["xx"] },
      params: { slug: "open" },
    });
    expect([lang.status, errorOf(lang.body)]).toEqual([400, expect.stringMatching(/^languages: "xx" is not a language of dataset open/)]);
  });
});

describe("decisions", () => {
  it("records the token's user and answers a stale version with 409 and the pair as it is now", async () => {
    const pair = await t.db.prisma.pair.findFirstOrThrow({
      where: { datasetId: open.datasetId, status: "proposed" },
      orderBy: { id: "desc" },
    });
    const decide = (version: number, action: "accept" | "reject") =>
      callRoute(decisionsRoute.POST, `/api/v1/pairs/${pair.id}/decisions`, {
        token: users.reviewer.token,
        method: "POST",
        params: { id: String(pair.id) },
        body: { expectedVersion: version, decision: { action } },
      });
    const first = await decide(pair.version, "accept");
    expect(first.status).toBe(201);
    const applied = first.body as { decisionId: number; pair: { pair: { id: number; status: string; origin: string; version: number } } };
    expect(applied.pair.pair).toMatchObject({ id: pair.id, status: "accepted", origin: "human", version: pair.version + 1 });
    const stored = await t.db.prisma.pairDecision.findUniqueOrThrow({ where: { id: applied.decisionId } });
    expect(stored).toMatchObject({ userId: users.reviewer.id, action: "accept", pairId: pair.id });

    const stale = await decide(pair.version, "reject");
    expect(stale.status).toBe(409);
    const conflict = stale.body as { error: string; pair: { pair: { status: string; version: number } } };
    expect(conflict.error).toMatch(/Someone else decided on this pair/);
    expect(conflict.pair.pair).toMatchObject({ status: "accepted", version: pair.version + 1 });
    expect(await t.db.prisma.pairDecision.count({ where: { pairId: pair.id } })).toBe(1);
  });
});

describe("choosing other responses", () => {
  it("reads the pair's candidates and version, then chooses two of them", async () => {
    const pair = await t.db.prisma.pair.findFirstOrThrow({
      where: { datasetId: open.datasetId, status: "proposed", language: "de" },
      orderBy: { id: "asc" },
    });
    const read = await callRoute(pairRoute.GET, `/api/v1/pairs/${pair.id}`, { token: users.viewer.token, params: { id: String(pair.id) } });
    expect(read.status).toBe(200);
    const detail = read.body as { pair: { version: number; chosenId: number; rejectedId: number }; candidates: { id: number }[] };
    const others = detail.candidates.map((c) => c.id).filter((id) => id !== detail.pair.chosenId);
    expect(others.length).toBeGreaterThanOrEqual(2);
    const [chosenId, rejectedId] = [others[0]!, others[1]!];
    const chose = await callRoute(decisionsRoute.POST, `/api/v1/pairs/${pair.id}/decisions`, {
      token: users.admin.token,
      method: "POST",
      params: { id: String(pair.id) },
      body: { expectedVersion: detail.pair.version, decision: { action: "choose", chosenId, rejectedId }, reason: "better German" },
    });
    expect(chose.status).toBe(201);
    expect((chose.body as { pair: { pair: unknown } }).pair.pair).toMatchObject({
      chosenId,
      rejectedId,
      status: "accepted",
      origin: "human",
    });
    const stranger = await t.db.prisma.response.findFirstOrThrow({ where: { datasetId: open.datasetId, language: "zh" } });
    const bad = await callRoute(decisionsRoute.POST, `/api/v1/pairs/${pair.id}/decisions`, {
      token: users.admin.token,
      method: "POST",
      params: { id: String(pair.id) },
      body: { expectedVersion: detail.pair.version + 1, decision: { action: "choose", chosenId: stranger.id, rejectedId } },
    });
    expect([bad.status, errorOf(bad.body)]).toEqual([400, "chosen and rejected must be two different de responses of this prompt group"]);
  });
});

describe("runs and exports", () => {
  it("queues a select run as the admin and pages the dataset's runs newest first", async () => {
    const created = await callRoute(runsRoute.POST, "/api/v1/datasets/open/runs", {
      token: users.admin.token,
      method: "POST",
      body: { scorer: "answer", margin: 0.1 },
      params: { slug: "open" },
    });
    expect(created.status).toBe(201);
    const run = created.body as {
      id: number;
      status: string;
      kind: string;
      config: { scorer: string; margin: number };
      totalItems: number;
    };
    expect(run).toMatchObject({ status: "queued", kind: "select", config: { scorer: "answer", margin: 0.1 }, totalItems: 30 });
    expect(created.response.headers.get("location")).toBe(`/api/v1/runs/${run.id}`);
    expect((await t.db.prisma.pipelineRun.findUniqueOrThrow({ where: { id: run.id } })).createdById).toBe(users.admin.id);

    const pages = await allPages<{ id: number }>((cursor) =>
      callRoute(runsRoute.GET, `/api/v1/datasets/open/runs?limit=1${cursor ? `&cursor=${cursor}` : ""}`, {
        token: users.viewer.token,
        params: { slug: "open" },
      }),
    );
    expect(pages.map((p) => p.map((r) => r.id))).toEqual([[run.id], [open.runId]]);
    const fetched = await callRoute(runRoute.GET, `/api/v1/runs/${run.id}`, { token: users.viewer.token, params: { id: String(run.id) } });
    expect(fetched.body).toMatchObject({ id: run.id, status: "queued" });
  });

  it("queues an export as a reviewer; once written, the download is the manifest's bytes", async () => {
    const created = await callRoute(exportsRoute.POST, "/api/v1/datasets/open/exports", {
      token: users.reviewer.token,
      method: "POST",
      body: { format: "trl", languages: ["de", "zh"], minMargin: 0 },
      params: { slug: "open" },
    });
    expect(created.status).toBe(201);
    const queued = created.body as { id: number; status: string; location?: string; download: string };
    expect(queued.status).toBe("queued");
    expect(queued).not.toHaveProperty("location");
    expect(queued.download).toBe(`/api/v1/exports/${queued.id}/download`);
    expect((await t.db.prisma.export.findUniqueOrThrow({ where: { id: queued.id } })).createdById).toBe(users.reviewer.id);

    const early = await callRoute(downloadRoute.GET, `/api/v1/exports/${queued.id}/download`, {
      token: users.viewer.token,
      params: { id: String(queued.id) },
    });
    expect(early.status).toBe(409);

    const snapshot = await runQueuedExport(t.db, queued.id);
    const file = snapshot!.files[0]!;
    const download = await callRoute(downloadRoute.GET, `/api/v1/exports/${queued.id}/download?file=${encodeURIComponent(file.path)}`, {
      token: users.viewer.token,
      params: { id: String(queued.id) },
    });
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.response.arrayBuffer());
    expect(bytes.length).toBe(file.bytes);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
    const missing = await callRoute(downloadRoute.GET, `/api/v1/exports/${queued.id}/download?file=nope.jsonl`, {
      token: users.viewer.token,
      params: { id: String(queued.id) },
    });
    expect([missing.status, errorOf(missing.body)]).toEqual([404, `file: export ${queued.id} has no file "nope.jsonl"`]);

    const pages = await allPages<{ id: number }>((cursor) =>
      callRoute(exportsRoute.GET, `/api/v1/datasets/open/exports?limit=1${cursor ? `&cursor=${cursor}` : ""}`, {
        token: users.viewer.token,
        params: { slug: "open" },
      }),
    );
    expect(pages.flat().map((e) => e.id)).toEqual([queued.id]);
  });

  it("does not start anything for a refused caller", async () => {
    const before = [await t.db.prisma.pipelineRun.count(), await t.db.prisma.export.count()];
    const start = async (what: "runs" | "exports", slug: string, token: string, body: unknown) => {
      const handler = what === "runs" ? runsRoute.POST : exportsRoute.POST;
      return (await callRoute(handler, `/api/v1/datasets/${slug}/${what}`, { token, method: "POST", body, params: { slug } })).status;
    };
    expect(await start("runs", "open", users.reviewer.token, {})).toBe(403);
    expect(await start("exports", "open", users.viewer.token, { format: "trl" })).toBe(403);
    expect(await start("exports", "secret", users.outsider.token, { format: "trl" })).toBe(404);
    expect([await t.db.prisma.pipelineRun.count(), await t.db.prisma.export.count()]).toEqual(before);
  });
});

describe("a signed-in browser session instead of a token", () => {
  const ORIGIN = "http://127.0.0.1:3000";
  async function sessionCookie(email: string, password: string): Promise<string> {
    const res = await (await getAuth()).handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, [CLIENT_IP_HEADER]: "10.9.0.1" },
        body: JSON.stringify({ email, password }),
      }),
    );
    expect(res.status).toBe(200);
    return (res.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token=")) ?? "").split(";")[0]!;
  }

  it("acts with the session's user and role; a bad token next to a good cookie is still refused", async () => {
    const password = "a long enough password";
    const viewer = await createUser(t.db, { email: "session-viewer@api.example", name: "Session Viewer", role: "viewer", password });
    const cookie = await sessionCookie("session-viewer@api.example", password);
    const me = await callRoute(meRoute.GET, "/api/v1/me", { headers: { cookie } });
    expect(me.body).toEqual({
      userId: viewer.id,
      email: "session-viewer@api.example",
      name: "Session Viewer",
      role: "viewer",
      via: "session",
    });
    const list = await callRoute(pairsRoute.GET, "/api/v1/datasets/open/pairs?limit=2", { headers: { cookie }, params: { slug: "open" } });
    expect(list.status).toBe(200);
    const post = await callRoute(runsRoute.POST, "/api/v1/datasets/open/runs", {
      headers: { cookie },
      method: "POST",
      body: {},
      params: { slug: "open" },
    });
    expect(post.status).toBe(403);
    const forged = await callRoute(meRoute.GET, "/api/v1/me", { headers: { cookie: "better-auth.session_token=forged.value" } });
    expect(forged.status).toBe(401);
    const mixed = await callRoute(meRoute.GET, "/api/v1/me", { headers: { cookie }, token: `cmas_${"z".repeat(43)}` });
    expect(mixed.status).toBe(401);
  });
});
