import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import * as datasetsRoute from "@/app/api/v1/datasets/route";
import * as datasetRoute from "@/app/api/v1/datasets/[slug]/route";
import * as runsRoute from "@/app/api/v1/datasets/[slug]/runs/route";
import * as pairsRoute from "@/app/api/v1/datasets/[slug]/pairs/route";
import * as exportsRoute from "@/app/api/v1/datasets/[slug]/exports/route";
import * as runRoute from "@/app/api/v1/runs/[id]/route";
import * as decisionsRoute from "@/app/api/v1/pairs/[id]/decisions/route";
import * as pairRoute from "@/app/api/v1/pairs/[id]/route";
import * as exportRoute from "@/app/api/v1/exports/[id]/route";
import * as downloadRoute from "@/app/api/v1/exports/[id]/download/route";
import { queueExport, runQueuedExport } from "@/lib/export/snapshots/create-export";
import { stopBoss } from "@/lib/jobs/queue";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { callRoute, createApiUsers, restrictDataset, type ApiUsers } from "@/lib/testing/api-v1";

let t: TestDatabase;
let users: ApiUsers;
let root: string;
const open = { datasetId: 0, runId: 0, exportId: 0, pairId: 0 };
const secret = { datasetId: 0, runId: 0, exportId: 0, pairId: 0 };
let revokedToken: string;

async function exportOf(datasetId: number): Promise<number> {
  const { exportId } = await queueExport(t.db, { datasetId, request: { format: "trl" } });
  await runQueuedExport(t.db, exportId);
  return exportId;
}

async function proposedPair(datasetId: number): Promise<number> {
  const pair = await t.db.prisma.pair.findFirstOrThrow({ where: { datasetId, status: "proposed" }, orderBy: { id: "asc" } });
  return pair.id;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "cm-api-v1-"));
  process.env.CM_EXPORT_DIR = root;
  t = await createTestDatabase();
  users = await createApiUsers(t.db);
  Object.assign(open, await seedPairsFixture(t.db, "open", 24));
  Object.assign(secret, await seedPairsFixture(t.db, "secret", 6));
  await restrictDataset(t.db, secret.datasetId, [users.reviewer.id]);
  open.exportId = await exportOf(open.datasetId);
  secret.exportId = await exportOf(secret.datasetId);
  open.pairId = await proposedPair(open.datasetId);
  secret.pairId = await proposedPair(secret.datasetId);
  const revoked = await t.db.prisma.user.create({ data: { email: "revoked@api.example", name: "revoked", role: "admin" } });
  const made = await createApiToken(t.db, revoked.id, "revoked");
  await revokeApiToken(t.db, made.view.id, { userId: revoked.id });
  revokedToken = made.token;
}, 240_000);

afterAll(async () => {
  await stopBoss();
  await t.drop();
  await rm(root, { recursive: true, force: true });
});

type Role = "admin" | "reviewer" | "viewer";
type Call = (token: string | null, ds: typeof open, slug: string) => Promise<{ status: number; body: unknown }>;

const versionOf = async (pairId: number) => (await t.db.prisma.pair.findUniqueOrThrow({ where: { id: pairId } })).version;

/** What most handlers are: reads that every role may make. */
const READ = { permission: "read", allowed: ["admin", "reviewer", "viewer"] as Role[], ok: 200 };

/** Every /api/v1 handler, who may call it, and what it answers when allowed. */
const ENDPOINTS: { name: string; permission: string; allowed: Role[]; ok: number; call: Call; datasetScoped: boolean }[] = [
  {
    name: "GET /me",
    ...READ,
    datasetScoped: false,
    call: (token) => callRoute(meRoute.GET, "/api/v1/me", { token }),
  },
  {
    name: "GET /datasets",
    ...READ,
    datasetScoped: false,
    call: (token) => callRoute(datasetsRoute.GET, "/api/v1/datasets", { token }),
  },
  {
    name: "GET /datasets/{slug}",
    ...READ,
    datasetScoped: true,
    call: (token, _ds, slug) => callRoute(datasetRoute.GET, `/api/v1/datasets/${slug}`, { token, params: { slug } }),
  },
  {
    name: "GET /datasets/{slug}/runs",
    ...READ,
    datasetScoped: true,
    call: (token, _ds, slug) => callRoute(runsRoute.GET, `/api/v1/datasets/${slug}/runs`, { token, params: { slug } }),
  },
  {
    name: "POST /datasets/{slug}/runs",
    permission: "manage",
    allowed: ["admin"],
    ok: 201,
    datasetScoped: true,
    call: (token, _ds, slug) =>
      callRoute(runsRoute.POST, `/api/v1/datasets/${slug}/runs`, { token, method: "POST", body: { scorer: "lexical" }, params: { slug } }),
  },
  {
    name: "GET /runs/{id}",
    ...READ,
    datasetScoped: true,
    call: (token, ds) => callRoute(runRoute.GET, `/api/v1/runs/${ds.runId}`, { token, params: { id: String(ds.runId) } }),
  },
  {
    name: "GET /datasets/{slug}/pairs",
    ...READ,
    datasetScoped: true,
    call: (token, _ds, slug) =>
      callRoute(pairsRoute.GET, `/api/v1/datasets/${slug}/pairs?status=proposed&limit=5`, { token, params: { slug } }),
  },
  {
    name: "GET /pairs/{id}",
    ...READ,
    datasetScoped: true,
    call: (token, ds) => callRoute(pairRoute.GET, `/api/v1/pairs/${ds.pairId}`, { token, params: { id: String(ds.pairId) } }),
  },
  {
    name: "POST /pairs/{id}/decisions",
    permission: "review",
    allowed: ["admin", "reviewer"],
    ok: 201,
    datasetScoped: true,
    call: async (token, ds) =>
      callRoute(decisionsRoute.POST, `/api/v1/pairs/${ds.pairId}/decisions`, {
        token,
        method: "POST",
        params: { id: String(ds.pairId) },
        body: { expectedVersion: await versionOf(ds.pairId), decision: { action: "accept" }, reason: "api test" },
      }),
  },
  {
    name: "GET /datasets/{slug}/exports",
    ...READ,
    datasetScoped: true,
    call: (token, _ds, slug) => callRoute(exportsRoute.GET, `/api/v1/datasets/${slug}/exports`, { token, params: { slug } }),
  },
  {
    name: "POST /datasets/{slug}/exports",
    permission: "export",
    allowed: ["admin", "reviewer"],
    ok: 201,
    datasetScoped: true,
    call: (token, _ds, slug) =>
      callRoute(exportsRoute.POST, `/api/v1/datasets/${slug}/exports`, {
        token,
        method: "POST",
        body: { format: "cm-align" },
        params: { slug },
      }),
  },
  {
    name: "GET /exports/{id}",
    ...READ,
    datasetScoped: true,
    call: (token, ds) => callRoute(exportRoute.GET, `/api/v1/exports/${ds.exportId}`, { token, params: { id: String(ds.exportId) } }),
  },
  {
    name: "GET /exports/{id}/download",
    ...READ,
    datasetScoped: true,
    call: (token, ds) =>
      callRoute(downloadRoute.GET, `/api/v1/exports/${ds.exportId}/download`, { token, params: { id: String(ds.exportId) } }),
  },
];

describe.each(ENDPOINTS)("$name", ({ permission, allowed, ok, call, datasetScoped }) => {
  it.each(["admin", "reviewer", "viewer"] as const)("as %s: allowed or 403 by role", async (role) => {
    const { status, body } = await call(users[role].token, open, "open");
    if (allowed.includes(role)) {
      expect(status, JSON.stringify(body)).toBe(ok);
    } else {
      expect(status).toBe(403);
      expect((body as { error: string }).error).toMatch(new RegExp(`\\(${role}\\).*\\b${permission}\\b`));
    }
  });

  it("refuses anonymous requests, revoked and unknown tokens with 401", async () => {
    for (const token of [null, revokedToken, `cmas_${"A".repeat(43)}`]) {
      const { status, body } = await call(token, open, "open");
      expect(status).toBe(401);
      expect((body as { error: string }).error).toMatch(token === null ? /Authorization: Bearer/ : /unknown or revoked/);
    }
  });

  if (datasetScoped) {
    it("answers 404 on a restricted dataset to non-members, and serves its member and admins", async () => {
      for (const role of ["viewer", "outsider"] as const) {
        const mayAct = allowed.includes(role === "outsider" ? "reviewer" : role);
        const { status, body } = await call(users[role].token, secret, "secret");
        expect(status, `${role}: ${JSON.stringify(body)}`).toBe(mayAct ? 404 : 403);
      }
      for (const role of ["admin", "reviewer"] as const) {
        if (!allowed.includes(role)) continue;
        const { status, body } = await call(users[role].token, secret, "secret");
        expect(status, `${role}: ${JSON.stringify(body)}`).toBe(ok);
      }
    });
  }
});
