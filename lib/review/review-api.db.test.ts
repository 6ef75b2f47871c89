import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as agreementRoute from "@/app/api/v1/datasets/[slug]/agreement/route";
import * as nextRoute from "@/app/api/v1/datasets/[slug]/queue/next/route";
import * as planRoute from "@/app/api/v1/datasets/[slug]/review-plan/route";
import * as heartbeatRoute from "@/app/api/v1/leases/[id]/heartbeat/route";
import * as leaseRoute from "@/app/api/v1/leases/[id]/route";
import * as adjudicationRoute from "@/app/api/v1/pairs/[id]/adjudication/route";
import * as votesRoute from "@/app/api/v1/pairs/[id]/votes/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import { sql } from "@/lib/db/sql";
import { stopBoss } from "@/lib/jobs/queue";
import { type ApiUsers, callRoute, createApiUsers } from "@/lib/testing/api-v1";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

// The team review API of DESIGN §3 through its route handlers, with real tokens.

let t: TestDatabase;
let users: ApiUsers;
const slug = "team";

type Leased = {
  lease: { id: number; expiresAt: string };
  pair: { id: number; lang: string; prompt: string; a: { responseId: number }; b: { responseId: number } };
};

beforeAll(async () => {
  t = await createTestDatabase();
  users = await createApiUsers(t.db);
  await seedPairsFixture(t.db, slug, 6);
  await t.db.pool.query(sql`UPDATE users SET review_languages = ARRAY['de'] WHERE id = ${users.reviewer.id}`);
}, 240_000);
afterAll(async () => {
  await stopBoss();
  await t.drop();
});

const next = (token: string, body?: unknown) =>
  callRoute(nextRoute.POST, `/api/v1/datasets/${slug}/queue/next`, { token, method: "POST", body, params: { slug } });

describe("review plan", () => {
  it("reads the default plan, lets only an admin change it, and refuses bad values with the field named", async () => {
    const read = await callRoute(planRoute.GET, `/api/v1/datasets/${slug}/review-plan`, { token: users.viewer.token, params: { slug } });
    expect(read.body).toEqual({ votesPerPair: 1, order: "least-reviewed", blind: false, leaseMinutes: 10 });
    const plan = { votesPerPair: 2, order: "least-reviewed", blind: true, leaseMinutes: 5 };
    const denied = await callRoute(planRoute.PUT, `/api/v1/datasets/${slug}/review-plan`, {
      token: users.reviewer.token,
      method: "PUT",
      body: plan,
      params: { slug },
    });
    expect(denied.status).toBe(403);
    const bad = await callRoute(planRoute.PUT, `/api/v1/datasets/${slug}/review-plan`, {
      token: users.admin.token,
      method: "PUT",
      body: { ...plan, votesPerPair: 9 },
      params: { slug },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toMatch(/^votesPerPair:/);
    const set = await callRoute(planRoute.PUT, `/api/v1/datasets/${slug}/review-plan`, {
      token: users.admin.token,
      method: "PUT",
      body: plan,
      params: { slug },
    });
    expect(set).toMatchObject({ status: 200, body: plan });
  });
});

describe("queue, leases, votes, adjudication, agreement", () => {
  it("leases a pair in the reviewer's languages, blind, and takes a vote on it", async () => {
    const claimed = await next(users.reviewer.token);
    expect(claimed.status).toBe(200);
    const leased = claimed.body as Leased;
    expect(leased.pair.lang).toBe("de");
    expect(Object.keys(leased.pair).sort()).toEqual(["a", "b", "id", "lang", "prompt"]); // blind: nothing about the method
    const beat = await callRoute(heartbeatRoute.POST, `/api/v1/leases/${leased.lease.id}/heartbeat`, {
      token: users.reviewer.token,
      method: "POST",
      params: { id: String(leased.lease.id) },
    });
    expect(beat.status).toBe(200);
    const otherHeartbeat = await callRoute(heartbeatRoute.POST, `/api/v1/leases/${leased.lease.id}/heartbeat`, {
      token: users.admin.token,
      method: "POST",
      params: { id: String(leased.lease.id) },
    });
    expect(otherHeartbeat.status).toBe(409);
    const vote = await callRoute(votesRoute.POST, `/api/v1/pairs/${leased.pair.id}/votes`, {
      token: users.reviewer.token,
      method: "POST",
      body: { leaseId: leased.lease.id, preferred: leased.pair.a.responseId, reason: "clearer steps" },
      params: { id: String(leased.pair.id) },
    });
    expect(vote).toMatchObject({ status: 201, body: { votes: 1, consensus: "pending" } });
    const again = await callRoute(votesRoute.POST, `/api/v1/pairs/${leased.pair.id}/votes`, {
      token: users.reviewer.token,
      method: "POST",
      body: { leaseId: leased.lease.id, preferred: "tie" },
      params: { id: String(leased.pair.id) },
    });
    expect(again.status).toBe(409);
  });

  it("routes a reviewer by the languages an admin sets with PATCH /users/{id}", async () => {
    const id = String(users.outsider.id);
    const patch = (token: string, body: unknown) =>
      callRoute(userRoute.PATCH, `/api/v1/users/${id}`, { token, method: "PATCH", body, params: { id } });
    expect((await patch(users.reviewer.token, { languages: ["zh"] })).status).toBe(403);
    expect(await patch(users.admin.token, { languages: ["zh"] })).toMatchObject({
      status: 200,
      body: { languages: ["zh"], disabled: false },
    });
    const leased = (await next(users.outsider.token)).body as Leased;
    expect(leased.pair.lang).toBe("zh");
    // Asking for a language outside the reviewer's own is refused, not a way around the routing.
    const outside = await next(users.outsider.token, { lang: "de" });
    expect(outside.status).toBe(403);
    expect(JSON.stringify(outside.body)).toContain("lang: you review zh, not de");
    await callRoute(leaseRoute.DELETE, `/api/v1/leases/${leased.lease.id}`, {
      token: users.outsider.token,
      method: "DELETE",
      params: { id: String(leased.lease.id) },
    });
    const bad = await patch(users.admin.token, { languages: ["German"] });
    expect(bad.status).toBe(400);
  });

  it("answers 204 when nothing is left in the asked language, and releases a lease", async () => {
    const none = await next(users.admin.token, { lang: "xx" });
    expect(none.status).toBe(204);
    const claimed = (await next(users.admin.token, { lang: "zh" })).body as Leased;
    const released = await callRoute(leaseRoute.DELETE, `/api/v1/leases/${claimed.lease.id}`, {
      token: users.admin.token,
      method: "DELETE",
      params: { id: String(claimed.lease.id) },
    });
    expect(released.status).toBe(204);
    const again = (await next(users.admin.token, { lang: "zh" })).body as Leased;
    expect(again.pair.id).toBe(claimed.pair.id);
  });

  it("lets an admin adjudicate and reports agreement per language", async () => {
    const leased = (await next(users.admin.token, { lang: "de" })).body as Leased;
    const denied = await callRoute(adjudicationRoute.POST, `/api/v1/pairs/${leased.pair.id}/adjudication`, {
      token: users.reviewer.token,
      method: "POST",
      body: { preferred: "tie", reason: "same" },
      params: { id: String(leased.pair.id) },
    });
    expect(denied.status).toBe(403);
    const settled = await callRoute(adjudicationRoute.POST, `/api/v1/pairs/${leased.pair.id}/adjudication`, {
      token: users.admin.token,
      method: "POST",
      body: { preferred: "both_bad", reason: "both wrong" },
      params: { id: String(leased.pair.id) },
    });
    expect(settled).toMatchObject({ status: 201, body: { consensus: "adjudicated" } });
    const agreement = await callRoute(agreementRoute.GET, `/api/v1/datasets/${slug}/agreement`, {
      token: users.viewer.token,
      params: { slug },
    });
    expect(agreement.status).toBe(200);
    const body = agreement.body as {
      byLanguage: Record<string, { pairs: number; votes: number; alpha: number | null }>;
      reviewers: { email: string; votes: number }[];
    };
    expect(body.byLanguage.de).toEqual({ pairs: 0, votes: 1, alpha: null, methodAgreement: expect.any(Number) });
    expect(body.reviewers.map((r) => [r.email, r.votes])).toEqual([["reviewer@api.example", 1]]);
  });
});
