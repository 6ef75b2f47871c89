import { beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/jobs/[kind]/[id]/cancel/route";
import * as statusRoute from "@/app/api/jobs/[kind]/[id]/route";
import { createUser } from "@/lib/auth/accounts";
import { AUTH_ORIGIN, authTestDatabase, postAuth, sessionCookie } from "@/lib/testing/auth";
import { createImportRow } from "@/lib/import/loader/import-status";
import { listProviderRuns } from "@/lib/llm/generate/queries";
import { chunkedRunFixture } from "@/lib/testing/job-fixtures";
import { jobProgressOf } from "./job-status";

// GET /api/jobs/{kind}/{id} and POST /api/jobs/{kind}/{id}/cancel as the browser sends them.

const t = authTestDatabase();
const cookies: Record<string, string> = {};
let runId = 0;
let datasetId = 0;

beforeAll(async () => {
  for (const role of ["admin", "viewer"] as const) {
    await createUser(t.db, { email: `${role}@jobs.example`, name: role, role, password: "a long enough password" });
    cookies[role] = sessionCookie(
      await postAuth("/sign-in/email", { email: `${role}@jobs.example`, password: "a long enough password" }, "10.9.0.2"),
    );
  }
  ({ runId, datasetId } = await chunkedRunFixture(t.db, "route", 4, 2));
}, 120_000);

const ctx = (kind: string, id: number | string) => ({ params: Promise.resolve({ kind, id: String(id) }) });
const request = (who: "admin" | "viewer", method = "GET") =>
  new Request(`${AUTH_ORIGIN}/api/jobs`, { method, headers: { cookie: cookies[who]!, origin: AUTH_ORIGIN } });

describe("the one job status and cancel route", () => {
  it("answers a run's status by its kind; another kind, an unknown kind or a missing id is 404", async () => {
    const res = await statusRoute.GET(request("viewer"), ctx("embed", runId));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      kind: "embed",
      id: runId,
      status: "queued",
      done: 0,
      total: 4,
      unit: "groups",
      cancelRequested: false,
      error: null,
    });
    expect((await statusRoute.GET(request("viewer"), ctx("select", runId))).status).toBe(404);
    expect((await statusRoute.GET(request("viewer"), ctx("nothing", runId))).status).toBe(404);
    expect((await statusRoute.GET(request("viewer"), ctx("export", 999_999))).status).toBe(404);
    expect((await statusRoute.GET(request("viewer"), ctx("embed", "x"))).status).toBe(400);
  });

  it("a listed run's starting progress is what the route answers for it", async () => {
    const [listed] = await listProviderRuns(t.db, datasetId);
    const answered = await (await statusRoute.GET(request("viewer"), ctx("embed", runId))).json();
    expect(jobProgressOf(listed!)).toEqual({ status: "queued", done: 0, total: 4, error: null, cancelRequested: false });
    expect(answered).toMatchObject(jobProgressOf(listed!));
  });

  it("answers an upload's progress in bytes with its records, and cancels it once", async () => {
    const id = await createImportRow(t.db, {
      datasetSlug: "route",
      filename: "f.jsonl",
      bytesTotal: 1234,
      options: {},
      createdById: null,
    });
    expect(await (await statusRoute.GET(request("admin"), ctx("import", id))).json()).toEqual({
      kind: "import",
      id,
      status: "queued",
      done: 0,
      total: 1234,
      unit: "bytes",
      cancelRequested: false,
      error: null,
      records: 0,
    });
    expect((await statusRoute.GET(request("viewer"), ctx("import", id))).status).toBe(403);
    const cancelled = await cancelRoute.POST(request("admin", "POST"), ctx("import", id));
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: "cancelled", cancelRequested: true });
    expect((await cancelRoute.POST(request("admin", "POST"), ctx("import", id))).status).toBe(409);
  });

  it("cancels with the kind's permission (manage for runs) and records who did", async () => {
    expect((await cancelRoute.POST(request("viewer", "POST"), ctx("embed", runId))).status).toBe(403);
    const res = await cancelRoute.POST(request("admin", "POST"), ctx("embed", runId));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ kind: "embed", id: runId, status: "cancelled", cancelRequested: true });
    const { rows } = await t.db.pool.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity = 'pipeline_run' AND entity_id = $1 ORDER BY id`,
      [String(runId)],
    );
    expect(rows.map((r) => r.action)).toEqual(["run.embed.create", "run.embed.cancel"]);
  });
});
