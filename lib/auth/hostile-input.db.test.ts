import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/datasets/[slug]/imports/[id]/route";
import * as uiPairRoute from "@/app/api/datasets/[slug]/pairs/[pairId]/route";
import * as uiPairsRoute from "@/app/api/datasets/[slug]/pairs/route";
import * as exportProgressRoute from "@/app/api/exports/[exportId]/progress/route";
import * as uiExportRoute from "@/app/api/exports/[exportId]/route";
import * as uiRunRoute from "@/app/api/runs/[runId]/route";
import * as datasetRoute from "@/app/api/v1/datasets/[slug]/route";
import * as pairsRoute from "@/app/api/v1/datasets/[slug]/pairs/route";
import * as runsRoute from "@/app/api/v1/datasets/[slug]/runs/route";
import * as exportRoute from "@/app/api/v1/exports/[id]/route";
import * as decisionsRoute from "@/app/api/v1/pairs/[id]/decisions/route";
import * as pairRoute from "@/app/api/v1/pairs/[id]/route";
import * as runRoute from "@/app/api/v1/runs/[id]/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import { runAction } from "@/lib/action";
import { ZGroupId } from "@/lib/datasets/schemas";
import { stopBoss } from "@/lib/jobs/queue";
import { ZDecide } from "@/lib/pairs/schemas";
import { encodeCursor, parsePairTableParams } from "@/lib/pairs/table";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { ZRunId } from "@/lib/runs/schemas";
import { authTestDatabase, postAuth, sessionCookie } from "@/lib/testing/auth";
import { runCliCaptured } from "@/lib/testing/cli";
import { fixtureFile } from "@/lib/testing/import-formats";
import { createUser } from "./accounts";
import { callRoute } from "@/lib/testing/api-v1";
import { createApiToken } from "./api-tokens";

// Issue 16 item 10: hostile input is a 400 or 404 naming the problem, never a 500.
const t = authTestDatabase();
const BIG = "2147483648"; // 2^31: one past the largest integer id Postgres stores
let token = "";
let cookie = "";
let pairId = 0;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

beforeAll(async () => {
  const { id } = await createUser(t.db, {
    email: "admin@hostile.example",
    name: "Admin",
    role: "admin",
    password: "a long enough password",
  });
  token = (await createApiToken(t.db, id, "probe")).token;
  cookie = sessionCookie(
    await postAuth("/sign-in/email", { email: "admin@hostile.example", password: "a long enough password" }, "10.6.0.1"),
  );
  await seedPairsFixture(t.db, "open", 4);
  pairId = (await t.db.prisma.pair.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
}, 120_000);
afterAll(async () => stopBoss());

const api = <P>(
  handler: (r: Request, c: { params: Promise<P> }) => Promise<Response>,
  path: string,
  params: P,
  opts: { method?: string; body?: unknown } = {},
) => callRoute(handler, path, { token, params, ...opts });
const ui = async <P>(handler: (r: Request, c: { params: Promise<P> }) => Promise<Response>, path: string, params: P) => {
  const res = await handler(new Request(`http://127.0.0.1:3000${path}`, { headers: { cookie } }), { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as unknown };
};

describe("ids of 2^31 and more", () => {
  it("are a 400 in every /api/v1 path", async () => {
    const bad = { status: 400, body: { error: "id: must be a positive integer (at most 2147483647)" } };
    expect(await api(runRoute.GET, `/api/v1/runs/${BIG}`, { id: BIG })).toMatchObject(bad);
    expect(await api(pairRoute.GET, `/api/v1/pairs/99999999999`, { id: "99999999999" })).toMatchObject(bad);
    expect(await api(exportRoute.GET, `/api/v1/exports/${BIG}`, { id: BIG })).toMatchObject(bad);
    expect(await api(userRoute.PATCH, `/api/v1/users/${BIG}`, { id: BIG }, { method: "PATCH", body: { disabled: true } })).toMatchObject(
      bad,
    );
    expect(
      await api(
        decisionsRoute.POST,
        `/api/v1/pairs/${BIG}/decisions`,
        { id: BIG },
        { method: "POST", body: { expectedVersion: 0, decision: { action: "accept" } } },
      ),
    ).toMatchObject(bad);
  });

  it("are a 400 (or the route's 404) in the app's own API paths", async () => {
    expect(await ui(uiRunRoute.GET, `/api/runs/${BIG}`, { runId: BIG })).toEqual({
      status: 400,
      body: { error: "runId must be a positive integer" },
    });
    expect(await ui(uiExportRoute.GET, `/api/exports/${BIG}`, { exportId: BIG })).toEqual({
      status: 400,
      body: { error: "exportId must be a positive integer" },
    });
    expect(await ui(exportProgressRoute.GET, `/api/exports/${BIG}/progress`, { exportId: BIG })).toEqual({
      status: 400,
      body: { error: "exportId must be a positive integer" },
    });
    expect(await ui(uiPairRoute.GET, `/api/datasets/open/pairs/${BIG}`, { slug: "open", pairId: BIG })).toEqual({
      status: 404,
      body: { error: "No such pair." },
    });
    expect((await ui(importRoute.GET, `/api/datasets/open/imports/${BIG}`, { slug: "open", id: BIG })).status).toBe(404);
  });

  it("in a body are a 400 naming the field", async () => {
    const res = await api(
      decisionsRoute.POST,
      `/api/v1/pairs/${pairId}/decisions`,
      { id: String(pairId) },
      { method: "POST", body: { expectedVersion: 0, decision: { action: "choose", chosenId: 2 ** 31, rejectedId: 1 } } },
    );
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toContain("decision.chosenId");
  });

  it("are refused by the page and server action schemas", () => {
    for (const schema of [ZRunId, ZGroupId]) expect(schema.safeParse(BIG).success).toBe(false);
    expect(ZDecide.safeParse({ pairId: 2 ** 31, expectedVersion: 0, decision: { action: "accept" } }).success).toBe(false);
    expect(ZDecide.safeParse({ pairId: 1, expectedVersion: 2 ** 31, decision: { action: "accept" } }).success).toBe(false);
  });
});

describe("cursors with out-of-range ids", () => {
  it("are a 400 on the REST API", async () => {
    const pairs = await api(pairsRoute.GET, `/api/v1/datasets/open/pairs?cursor=${b64([0.5, 2 ** 31])}&sort=margin`, { slug: "open" });
    expect(pairs.status).toBe(400);
    expect((pairs.body as { error: string }).error).toContain("cursor:");
    const runs = await api(runsRoute.GET, `/api/v1/datasets/open/runs?cursor=${b64({ id: 2 ** 53 })}`, { slug: "open" });
    expect(runs.status).toBe(400);
  });

  it("start the pairs table from the top (as any broken cursor does) in the UI", async () => {
    expect(parsePairTableParams({ after: encodeCursor({ value: null, id: 2 ** 31 }) }).after).toBeNull();
    expect(parsePairTableParams({ after: encodeCursor({ value: 0.5, id: 7 }) }).after).toEqual({ value: 0.5, id: 7 });
    const page = await ui(uiPairsRoute.GET, `/api/datasets/open/pairs?after=${encodeCursor({ value: null, id: 2 ** 31 })}`, {
      slug: "open",
    });
    expect(page.status).toBe(200);
  });
});

describe("NUL characters", () => {
  it("in q are a 400 on the REST API and an ignored filter in the UI", async () => {
    const res = await api(pairsRoute.GET, `/api/v1/datasets/open/pairs?q=a%00b`, { slug: "open" });
    expect(res).toMatchObject({ status: 400, body: { error: "q: must not contain NUL characters" } });
    expect(parsePairTableParams({ q: "a\u0000b" }).q).toBeUndefined();
    expect((await ui(uiPairsRoute.GET, `/api/datasets/open/pairs?q=a%00b`, { slug: "open" })).status).toBe(200);
  });

  it("in a path segment are a 404 or 400, not a 500", async () => {
    expect((await api(datasetRoute.GET, `/api/v1/datasets/a%00b`, { slug: "a\u0000b" })).status).toBe(404);
  });

  it("in JSON text fields are a 400 naming the field (REST bodies and server actions)", async () => {
    const res = await api(
      decisionsRoute.POST,
      `/api/v1/pairs/${pairId}/decisions`,
      { id: String(pairId) },
      { method: "POST", body: { expectedVersion: 0, decision: { action: "flag", reason: "bad\u0000reason" } } },
    );
    expect(res).toMatchObject({ status: 400, body: { error: "body: decision.reason: must not contain NUL characters" } });
    const action = await runAction(
      ZDecide,
      { pairId, expectedVersion: 0, decision: { action: "flag", reason: "x\u0000" } },
      async () => "ran",
    );
    expect(action).toEqual({ ok: false, error: "decision.reason: must not contain NUL characters" });
  });
});

describe("a 100,000-deep nested JSONL record", () => {
  it("is a clear error of its line (nothing imported), and with --skip-invalid the other lines are imported", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const file = fixtureFile(
      "deep.jsonl",
      `{"id":"q1","prompts":{"en":"Q"},"responses":{"en":["a"]}}\n{"id":"q2","prompts":{"en":"Q"},"responses":{"en":["a"]},"meta":${deep}}\n`,
    );
    const refused = await runCliCaptured(["import", file, "--dataset", "deep", "--create", "--task", "general"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("line 2: arrays and objects nest deeper than 64 levels");
    expect(await t.db.prisma.dataset.count({ where: { slug: "deep" } })).toBe(0);
    const skipped = await runCliCaptured([
      "import",
      file,
      "--dataset",
      "deep",
      "--create",
      "--task",
      "general",
      "--skip-invalid",
      "--rejects",
      fixtureFile("deep.rejects.jsonl", ""),
      "--json",
    ]);
    expect(skipped.code).toBe(0);
    expect(await t.db.prisma.promptGroup.count({ where: { dataset: { slug: "deep" } } })).toBe(1);
  });
});
