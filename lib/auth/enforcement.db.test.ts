import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as importsRoute from "@/app/api/datasets/[slug]/imports/route";
import * as pairRoute from "@/app/api/datasets/[slug]/pairs/[pairId]/route";
import * as decisionsRoute from "@/app/api/v1/pairs/[id]/decisions/route";
import * as pairsRoute from "@/app/api/datasets/[slug]/pairs/route";
import * as exportRoute from "@/app/api/exports/[exportId]/route";
import * as exportProgressRoute from "@/app/api/exports/[exportId]/progress/route";
import * as runRoute from "@/app/api/runs/[runId]/route";
import * as modelsRoute from "@/app/settings/models/route";
import { stopBoss } from "@/lib/jobs/queue";
import { decideOrConflict } from "@/lib/pairs/review";
import { pickReference } from "@/lib/references/pick-reference";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { startSelectRun } from "@/lib/runs/start-select-run";
import { createDataset, responseIds, type FixtureGroup } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createUser, setDatasetMembers, setUserRole } from "./accounts";
import { createApiToken } from "./api-tokens";
import { forgetAuth, getAuth } from "./better-auth";
import { datasetOfExport, datasetOfRun } from "./resources";
import { PERMISSIONS, type Role } from "./roles";
import { CROSS_ORIGIN_REFUSED } from "./same-origin";
import { requireActor, requireDatasetActor } from "./session";
import { CLIENT_IP_HEADER } from "./client-ip";

// Per role: what the guard allows, and the lib calls the server actions make behind it
// (requireActor + the lib call with actor.userId, exactly as app/**/actions.ts do), plus the
// route handlers called over HTTP-shaped requests with real session cookies.

const ORIGIN = "http://127.0.0.1:3000";
const PASSWORD = "a long enough password";
const GROUPS: FixtureGroup[] = ["q1", "q2"].map((id, i) => ({
  id,
  gold: String(10 + i),
  prompts: { en: `What is ${i} + 10?`, de: `Was ist ${i} + 10?` },
  responses: {
    en: [`The answer is ${10 + i}.`, `It is ${10 + i}.`, `Maybe ${20 + i}.`],
    de: [`Die Antwort ist ${10 + i}.`, `Vielleicht ${30 + i}.`, `Es ist ${10 + i}.`],
  },
}));

type Who = Role | "anonymous" | "outsider";
let t: TestDatabase;
const ids: Record<string, number> = {};
const cookie: Partial<Record<Who, string>> = {};
let openRun = 0;
let secretRun = 0;
let secretPair = 0;

const headersOf = (who: Who) => new Headers(cookie[who] ? { cookie: cookie[who] } : {});
const request = (who: Who, url: string, init: RequestInit = {}) =>
  new Request(`${ORIGIN}${url}`, {
    ...init,
    headers: { ...Object.fromEntries(headersOf(who)), ...(init.headers as Record<string, string>) },
  });
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

async function signIn(email: string): Promise<string> {
  const res = await (await getAuth()).handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, [CLIENT_IP_HEADER]: `10.2.0.${Object.keys(cookie).length + 1}` },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  expect(res.status).toBe(200);
  return (res.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token=")) ?? "").split(";")[0] ?? "";
}

async function selectRun(datasetId: number): Promise<number> {
  const { runId } = await createSelectRun(t.db, datasetId, { scorer: "answer" });
  await executeSelectRun(t.db, runId);
  return runId;
}

async function pairOf(datasetId: number): Promise<{ id: number; version: number }> {
  const { rows } = await t.db.pool.query<{ id: number; version: number }>(
    `SELECT id, version FROM pairs WHERE dataset_id = $1 ORDER BY id LIMIT 1`,
    [datasetId],
  );
  if (!rows[0]) throw new Error("no pair");
  return rows[0];
}

beforeAll(async () => {
  t = await createTestDatabase();
  forgetAuth();
  for (const [who, role] of [
    ["admin", "admin"],
    ["reviewer", "reviewer"],
    ["viewer", "viewer"],
    ["outsider", "reviewer"],
  ] as const) {
    ids[who] = (await createUser(t.db, { email: `${who}@lab.example`, name: who, role, password: PASSWORD })).id;
    cookie[who] = await signIn(`${who}@lab.example`);
  }
  ids.open = await createDataset(t.db, "open", GROUPS);
  ids.secret = await createDataset(t.db, "secret", GROUPS);
  openRun = await selectRun(ids.open);
  secretRun = await selectRun(ids.secret);
  secretPair = (await pairOf(ids.secret)).id;
  // The secret dataset: only the reviewer and the viewer (and admins) may see it.
  await setDatasetMembers(t.db, "secret", ["reviewer@lab.example", "viewer@lab.example"], ids.admin ?? null);
}, 120_000);

afterAll(async () => {
  await stopBoss();
  forgetAuth();
  await t.drop();
});

describe("requireActor: role × permission on an open dataset", () => {
  const expected: Record<Who, string[]> = {
    admin: ["read", "review", "export", "manage"],
    reviewer: ["read", "review", "export"],
    outsider: ["read", "review", "export"],
    viewer: ["read"],
    anonymous: [],
  };
  for (const [who, allowed] of Object.entries(expected) as [Who, string[]][]) {
    for (const permission of PERMISSIONS) {
      const ok = allowed.includes(permission);
      it(`${who} ${ok ? "may" : "may not"} ${permission}`, async () => {
        const call = requireActor(permission, "open", headersOf(who));
        if (ok) await expect(call).resolves.toMatchObject({ userId: ids[who], via: "session" });
        else await expect(call).rejects.toMatchObject({ code: who === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN" });
      });
    }
  }
});

describe("a restricted dataset", () => {
  it("is invisible (404, not 403) to a signed-in non-member, whatever the permission", async () => {
    for (const p of PERMISSIONS)
      await expect(requireActor(p, "secret", headersOf("outsider"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requireActor("read", ids.secret ?? 0, headersOf("outsider"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
  it("lets members act within their role, and admins always", async () => {
    await expect(requireActor("review", "secret", headersOf("reviewer"))).resolves.toMatchObject({ role: "reviewer" });
    await expect(requireActor("read", "secret", headersOf("viewer"))).resolves.toMatchObject({ role: "viewer" });
    await expect(requireActor("review", "secret", headersOf("viewer"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requireActor("manage", "secret", headersOf("admin"))).resolves.toMatchObject({ role: "admin" });
  });
  it("refuses anonymous callers with 401 before looking anything up", async () => {
    await expect(requireActor("read", "no-such-dataset", headersOf("anonymous"))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("server action paths record the acting user", () => {
  it("decideAction: a reviewer's accept is stored with their user id (decision and audit event); a viewer's is refused and writes nothing", async () => {
    const pair = await pairOf(ids.open ?? 0);
    const before = await t.db.pool.query(`SELECT count(*)::int AS n FROM pair_decisions`);
    const asViewer = async () => {
      const { actor, dataset } = await requireDatasetActor("review", "open", headersOf("viewer"));
      return decideOrConflict(
        t.db,
        dataset.id,
        { pairId: pair.id, expectedVersion: pair.version, decision: { action: "accept" } },
        actor.userId,
      );
    };
    await expect(asViewer()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM pair_decisions`)).rows).toEqual(before.rows);

    const { actor, dataset } = await requireDatasetActor("review", "open", headersOf("reviewer"));
    const outcome = await decideOrConflict(
      t.db,
      dataset.id,
      { pairId: pair.id, expectedVersion: pair.version, decision: { action: "accept" } },
      actor.userId,
    );
    expect(outcome.applied).toBe(true);
    const { rows } = await t.db.pool.query(`SELECT user_id FROM pair_decisions WHERE pair_id = $1`, [pair.id]);
    expect(rows).toEqual([{ user_id: ids.reviewer }]);
    const audit = await t.db.pool.query(`SELECT user_id, action FROM audit_events WHERE entity = 'pair' AND entity_id = $1`, [
      String(pair.id),
    ]);
    expect(audit.rows).toEqual([{ user_id: ids.reviewer, action: "pair.accept" }]);
  });

  it("pickReferenceAction: a reviewer's correction carries their id; a non-member cannot touch the restricted dataset", async () => {
    const response = await responseIds(t.db, ids.open ?? 0);
    const groupId =
      (await t.db.pool.query<{ id: number }>(`SELECT id FROM prompt_groups WHERE dataset_id = $1 AND external_id = 'q1'`, [ids.open]))
        .rows[0]?.id ?? 0;
    const { actor, dataset } = await requireDatasetActor("review", "open", headersOf("reviewer"));
    const record = await pickReference(t.db, dataset.id, { groupId, responseId: response("q1", "en", 1), reason: "clearer" }, actor.userId);
    const { rows } = await t.db.pool.query(`SELECT user_id FROM reference_corrections WHERE id = $1`, [record.correctionId]);
    expect(rows).toEqual([{ user_id: ids.reviewer }]);
    await expect(requireActor("review", "secret", headersOf("outsider"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("startSelectRunAction: admins only; the run records who started it", async () => {
    await expect(requireActor("manage", "open", headersOf("reviewer"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { actor, dataset } = await requireDatasetActor("manage", "open", headersOf("admin"));
    const { runId } = await startSelectRun(t.db, dataset.id, { scorer: "lexical" }, actor.userId);
    const { rows } = await t.db.pool.query(`SELECT created_by_id FROM pipeline_runs WHERE id = $1`, [runId]);
    expect(rows).toEqual([{ created_by_id: ids.admin }]);
  });

  it("admin actions: only admins change roles; the last admin cannot be demoted; changes are audited", async () => {
    await expect(requireActor("manage", undefined, headersOf("reviewer"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await requireActor("manage", undefined, headersOf("admin"));
    await expect(setUserRole(t.db, ids.admin ?? 0, "viewer", admin.userId)).rejects.toMatchObject({ code: "CONFLICT" });
    await setUserRole(t.db, ids.outsider ?? 0, "viewer", admin.userId);
    // A role change applies to the next request of an existing session.
    await expect(requireActor("review", "open", headersOf("outsider"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const audit = await t.db.pool.query(`SELECT user_id, data FROM audit_events WHERE action = 'user.role' AND entity_id = $1`, [
      String(ids.outsider),
    ]);
    expect(audit.rows).toEqual([{ user_id: ids.admin, data: { role: "viewer" } }]);
    await setUserRole(t.db, ids.outsider ?? 0, "reviewer", admin.userId);
  });

  it("setDatasetMembers refuses unknown emails and changes nothing", async () => {
    await expect(setDatasetMembers(t.db, "secret", ["reviewer@lab.example", "ghost@lab.example"])).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: "members: no user with email ghost@lab.example",
    });
    const { rows } = await t.db.pool.query(`SELECT user_id FROM dataset_members WHERE dataset_id = $1 ORDER BY user_id`, [ids.secret]);
    expect(rows.map((r: { user_id: number }) => r.user_id)).toEqual([ids.reviewer, ids.viewer].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });

  it("setDatasetMembers does not find a dataset an import is still loading, and writes nothing", async () => {
    const { rows } = await t.db.pool.query<{ id: number }>(
      `INSERT INTO datasets (slug, name, task, loading, updated_at) VALUES ('half-loaded', 'half', 'general', true, now()) RETURNING id`,
    );
    await expect(setDatasetMembers(t.db, "half-loaded", ["reviewer@lab.example"])).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: 'No dataset with slug "half-loaded".',
    });
    const members = await t.db.pool.query(`SELECT 1 FROM dataset_members WHERE dataset_id = $1`, [rows[0]!.id]);
    expect(members.rowCount).toBe(0);
    await t.db.pool.query(`DELETE FROM datasets WHERE id = $1`, [rows[0]!.id]);
  });
});

describe("route handlers over HTTP", () => {
  it("GET /api/datasets/[slug]/pairs: 401 anonymous, 200 for a viewer, 404 for a non-member of a restricted dataset", async () => {
    const get = (who: Who, slug: string) => pairsRoute.GET(request(who, `/api/datasets/${slug}/pairs`), ctx({ slug }));
    expect((await get("anonymous", "open")).status).toBe(401);
    const ok = await get("viewer", "open");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    expect((await get("outsider", "secret")).status).toBe(404);
    expect((await get("viewer", "secret")).status).toBe(200);
  });

  it("GET /api/datasets/[slug]/pairs/[pairId]: 404 for a non-member, 200 for a member", async () => {
    const get = (who: Who) =>
      pairRoute.GET(request(who, `/api/datasets/secret/pairs/${secretPair}`), ctx({ slug: "secret", pairId: String(secretPair) }));
    expect((await get("outsider")).status).toBe(404);
    expect((await get("reviewer")).status).toBe(200);
    expect((await get("anonymous")).status).toBe(401);
  });

  it("GET /api/runs/[runId]: the run's dataset decides who may see it", async () => {
    const get = (who: Who, runId: number) => runRoute.GET(request(who, `/api/runs/${runId}`), ctx({ runId: String(runId) }));
    expect((await get("viewer", openRun)).status).toBe(200);
    expect((await get("outsider", secretRun)).status).toBe(404);
    expect((await get("anonymous", openRun)).status).toBe(401);
  });

  it("a run or export in a hidden dataset answers exactly like a missing id (routes and the cancel actions' guard)", async () => {
    const { rows } = await t.db.pool.query<{ id: number }>(
      `INSERT INTO exports (dataset_id, format, config) VALUES ($1, 'trl', '{}') RETURNING id`,
      [ids.secret],
    );
    const secretExport = rows[0]!.id;
    const missing = 2_000_000_000;
    const answer = async (res: Response) => ({ status: res.status, body: await res.json() });
    const hiddenAndMissing = async (call: (id: number) => Promise<Response>, what: string) => {
      expect(await answer(await call(missing))).toEqual({ status: 404, body: { error: `No ${what} with id ${missing}.` } });
      return answer(await call(what === "run" ? secretRun : secretExport));
    };
    const run = (id: number) => runRoute.GET(request("outsider", `/api/runs/${id}`), ctx({ runId: String(id) }));
    expect(await hiddenAndMissing(run, "run")).toEqual({ status: 404, body: { error: `No run with id ${secretRun}.` } });
    const download = (id: number) => exportRoute.GET(request("outsider", `/api/exports/${id}`), ctx({ exportId: String(id) }));
    expect(await hiddenAndMissing(download, "export")).toEqual({ status: 404, body: { error: `No export with id ${secretExport}.` } });
    const progress = (id: number) =>
      exportProgressRoute.GET(request("outsider", `/api/exports/${id}/progress`), ctx({ exportId: String(id) }));
    expect(await hiddenAndMissing(progress, "export")).toEqual({ status: 404, body: { error: `No export with id ${secretExport}.` } });
    // cancelRunAction / cancelExportAction guard with these lookups.
    const guard = (permission: "manage" | "export", lookup: () => Promise<{ id: number }>) =>
      requireActor(permission, lookup, headersOf("outsider"));
    for (const id of [secretRun, missing]) {
      await expect(guard("manage", () => datasetOfRun(id))).rejects.toMatchObject({ code: "NOT_FOUND", message: `No run with id ${id}.` });
    }
    for (const id of [secretExport, missing]) {
      await expect(guard("export", () => datasetOfExport(id))).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: `No export with id ${id}.`,
      });
    }
  });

  it("POST /api/datasets/[slug]/imports: admins only (403 for reviewer and viewer, 401 anonymous), before reading the body", async () => {
    const post = (who: Who) =>
      importsRoute.POST(
        request(who, `/api/datasets/open/imports?filename=x.jsonl`, {
          method: "POST",
          body: '{"id":"q9"}\n',
          headers: { "content-type": "application/octet-stream" },
        }),
        ctx({ slug: "open" }),
      );
    expect((await post("anonymous")).status).toBe(401);
    for (const who of ["viewer", "reviewer"] as const) {
      const res = await post(who);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: `Your role (${who}) does not allow manage.` });
    }
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM prompt_groups WHERE external_id = 'q9'`);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it("a state-changing request with the session cookie from another origin is refused (CSRF), a same-origin one and a bearer token are not", async () => {
    const upload = (headers: Record<string, string>, query = "create=1&task=general&filename=x.jsonl") =>
      importsRoute.POST(
        request("admin", `/api/datasets/csrf/imports?${query}`, {
          method: "POST",
          body: '{"id":"c1","prompts":{"en":"Hi?"},"responses":{"en":["a","b"]}}\n',
          headers,
        }),
        ctx({ slug: "csrf" }),
      );
    const refused = { status: 403, body: { error: CROSS_ORIGIN_REFUSED } };
    const answer = async (res: Response) => ({ status: res.status, body: await res.json() });
    // The reported attack: a text/plain form auto-submitted from a page on another port of the same host.
    expect(await answer(await upload({ origin: "http://127.0.0.1:8080", "content-type": "text/plain" }))).toEqual(refused);
    expect(await answer(await upload({ origin: "null", "content-type": "text/plain" }))).toEqual(refused);
    expect(await answer(await upload({ "sec-fetch-site": "cross-site", "content-type": "text/plain" }))).toEqual(refused);
    expect(await answer(await upload({ origin: "http://127.0.0.1:8080" }, "prepare=1&filename=x.jsonl"))).toEqual(refused);
    const { rows } = await t.db.pool.query(
      `SELECT (SELECT count(*)::int FROM datasets WHERE slug = 'csrf') AS datasets, (SELECT count(*)::int FROM imports) AS imports`,
    );
    expect(rows).toEqual([{ datasets: 0, imports: 0 }]);
    const sameOrigin = await upload({ origin: ORIGIN, "sec-fetch-site": "same-origin" });
    expect(sameOrigin.status).toBe(200);
    expect(await sameOrigin.json()).toMatchObject({ records: 1 });

    const pair = await pairOf(ids.open ?? 0);
    const decide = (headers: Record<string, string>, who: Who = "reviewer") =>
      decisionsRoute.POST(
        request(who, `/api/v1/pairs/${pair.id}/decisions`, {
          method: "POST",
          body: JSON.stringify({ expectedVersion: pair.version, decision: { action: "flag", reason: "csrf" } }),
          headers: { "content-type": "application/json", ...headers },
        }),
        ctx({ id: String(pair.id) }),
      );
    expect(await answer(await decide({ origin: "http://evil.example" }))).toEqual(refused);
    expect((await t.db.pool.query(`SELECT 1 FROM pair_decisions WHERE reason = 'csrf'`)).rowCount).toBe(0);
    // An API token is no ambient credential: the Origin does not matter.
    const { token } = await createApiToken(t.db, ids.reviewer ?? 0, "csrf test");
    expect((await decide({ origin: "http://evil.example", authorization: `Bearer ${token}` }, "anonymous")).status).toBe(201);
  });

  it("GET /settings/models (test connection with the stored key): admins only", async () => {
    expect((await modelsRoute.GET(request("anonymous", "/settings/models"))).status).toBe(401);
    expect((await modelsRoute.GET(request("reviewer", "/settings/models"))).status).toBe(403);
    expect((await modelsRoute.GET(request("admin", "/settings/models"))).status).toBe(200);
  });
});
