import { describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import * as datasetsRoute from "@/app/api/v1/datasets/route";
import * as datasetRoute from "@/app/api/v1/datasets/[slug]/route";
import * as runsRoute from "@/app/api/v1/datasets/[slug]/runs/route";
import { postAuth, sessionCookie, authTestDatabase } from "@/lib/testing/auth";
import { createUser, ensureFirstAdmin, FIRST_ADMIN_EMAIL } from "./accounts";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { callRoute } from "@/lib/testing/api-v1";
import { actorFromRequest, requireApiActor, TOKEN_NEEDS_PASSWORD_CHANGE } from "./bearer";

// A user who must still replace a one-time password (the first admin, users an admin created) may
// not act through an API token either: the web UI's forced change must not be bypassed by the API.

const t = authTestDatabase();

async function signIn(email: string, password: string): Promise<string> {
  const res = await postAuth("/sign-in/email", { email, password }, "10.7.0.1");
  expect(res.status).toBe(200);
  return sessionCookie(res);
}

const bearer = (token: string) => new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
const REFUSED = { error: TOKEN_NEEDS_PASSWORD_CHANGE, mustChangePassword: true };
/** A user made with a one-time password, which they must change before anything else. */
const oneTimePasswordUser = (email: string, name: string, role: "reviewer" | "viewer") =>
  createUser(t.db, { email, name, role, password: "one-time password", mustChangePassword: true });

describe("an API token of a user who must change a one-time password", () => {
  it("is refused with 403 on every endpoint until the first admin sets a new password, then works", async () => {
    const first = await ensureFirstAdmin(t.db);
    expect(first?.email).toBe(FIRST_ADMIN_EMAIL);
    const admin = await t.db.prisma.user.findUniqueOrThrow({ where: { email: FIRST_ADMIN_EMAIL } });
    expect(admin.mustChangePassword).toBe(true);
    const { token } = await createApiToken(t.db, admin.id, "made before the change");

    await expect(actorFromRequest(t.db, bearer(token))).rejects.toMatchObject({ code: "FORBIDDEN", message: TOKEN_NEEDS_PASSWORD_CHANGE });
    await expect(requireApiActor(t.db, bearer(token), "read")).rejects.toMatchObject({ code: "FORBIDDEN" });

    const me = await callRoute(meRoute.GET, "/api/v1/me", { token });
    expect(me.status).toBe(403);
    expect(me.body).toEqual(REFUSED);
    expect(me.response.headers.get("www-authenticate")).toBeNull();
    expect((await callRoute(datasetsRoute.GET, "/api/v1/datasets", { token })).body).toEqual(REFUSED);
    // Refused before any lookup: a missing dataset does not answer 404 to this token.
    const missing = await callRoute(datasetRoute.GET, "/api/v1/datasets/nope", { token, params: { slug: "nope" } });
    expect([missing.status, missing.body]).toEqual([403, REFUSED]);
    const run = await callRoute(runsRoute.POST, "/api/v1/datasets/nope/runs", {
      token,
      method: "POST",
      body: { scorer: "lexical" },
      params: { slug: "nope" },
    });
    expect([run.status, run.body]).toEqual([403, REFUSED]);
    expect(await t.db.prisma.pipelineRun.count()).toBe(0);

    const cookie = await signIn(FIRST_ADMIN_EMAIL, first!.password);
    const change = await postAuth(
      "/change-password",
      { currentPassword: first!.password, newPassword: "a brand new passphrase", revokeOtherSessions: false },
      "10.7.0.1",
      { cookie },
    );
    expect(change.status).toBe(200);

    const after = await callRoute(meRoute.GET, "/api/v1/me", { token });
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ userId: admin.id, email: FIRST_ADMIN_EMAIL, name: "Admin", role: "admin", via: "token" });
  });

  it("is refused for a user created with a one-time password, and again when the flag is set anew", async () => {
    const { id } = await oneTimePasswordUser("otp@lab.example", "Otp", "reviewer");
    const { token } = await createApiToken(t.db, id, "cli");
    expect(await callRoute(meRoute.GET, "/api/v1/me", { token })).toMatchObject({ status: 403, body: REFUSED });

    await t.db.pool.query(`UPDATE users SET must_change_password = false WHERE id = $1`, [id]);
    expect(await callRoute(meRoute.GET, "/api/v1/me", { token })).toMatchObject({
      status: 200,
      body: { userId: id, role: "reviewer", via: "token" },
    });

    // e.g. an admin hands out a new one-time password: tokens made earlier stop working at once.
    await t.db.pool.query(`UPDATE users SET must_change_password = true WHERE id = $1`, [id]);
    expect(await callRoute(meRoute.GET, "/api/v1/me", { token })).toMatchObject({ status: 403, body: REFUSED });
  });

  it("still answers 401 (not 403) for a revoked or unknown token of such a user", async () => {
    const { id } = await oneTimePasswordUser("otp2@lab.example", "Otp2", "viewer");
    const { token, view } = await createApiToken(t.db, id, "to revoke");
    await revokeApiToken(t.db, view.id, { userId: id });
    for (const presented of [token, `cmas_${"Q".repeat(43)}`]) {
      const res = await callRoute(meRoute.GET, "/api/v1/me", { token: presented });
      expect(res.status).toBe(401);
      expect((res.body as { error: string }).error).toMatch(/unknown or revoked/);
    }
  });
});
