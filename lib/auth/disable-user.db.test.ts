import { describe, expect, it } from "vitest";
import * as resetRoute from "@/app/api/v1/users/[id]/reset-password/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import { authTestDatabase, postAuth, sessionCookie } from "@/lib/testing/auth";
import { createUser, LAST_ADMIN, resetPassword } from "./accounts";
import { callRoute } from "@/lib/testing/api-v1";
import { createApiToken, findTokenOwner } from "./api-tokens";
import { ACCOUNT_DISABLED } from "./better-auth";
import { currentUser } from "./session";

const t = authTestDatabase();
const PASSWORD = "a long enough password";
let ip = 0;
const signIn = (email: string, password = PASSWORD) => postAuth("/sign-in/email", { email, password }, `10.5.0.${++ip}`);

/** A user signed in once (a session cookie) and holding an API token. */
async function account(email: string, role: "admin" | "reviewer" | "viewer" = "reviewer") {
  const { id } = await createUser(t.db, { email, name: email, role, password: PASSWORD });
  const res = await signIn(email);
  expect(res.status).toBe(200);
  const { token } = await createApiToken(t.db, id, "laptop");
  return { id, cookie: sessionCookie(res), token };
}

const stillIn = async (a: { cookie: string; token: string }) => ({
  session: (await currentUser(new Headers({ cookie: a.cookie }))) !== null,
  token: (await findTokenOwner(t.db, a.token)) !== null,
});

describe("a password reset", () => {
  it("ends the user's sessions and revokes their API tokens, which stay revoked after the user sets a new password", async () => {
    const a = await account("rae@lab.example");
    expect(await stillIn(a)).toEqual({ session: true, token: true });
    const { password } = await resetPassword(t.db, "rae@lab.example");
    expect(await stillIn(a)).toEqual({ session: false, token: false });
    const { rows } = await t.db.pool.query(`SELECT revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE user_id = $1`, [a.id]);
    expect(rows).toEqual([{ revoked: true }]);
    // The owner signs in with the one-time password and chooses a new one: the old token stays dead.
    const cookie = sessionCookie(await signIn("rae@lab.example", password));
    expect(
      (await postAuth("/change-password", { currentPassword: password, newPassword: "another long password" }, "10.5.1.1", { cookie }))
        .status,
    ).toBe(200);
    expect(await findTokenOwner(t.db, a.token)).toBeNull();
  });

  it("POST /api/v1/users/{id}/reset-password (admin) answers the one-time password once and does the same", async () => {
    const admin = await account("root@lab.example", "admin");
    const a = await account("ray@lab.example");
    const viewer = await account("vic@lab.example", "viewer");
    const call = (token: string, id: number) =>
      callRoute(resetRoute.POST, `/api/v1/users/${id}/reset-password`, { token, method: "POST", params: { id: String(id) } });
    expect((await call(viewer.token, a.id)).status).toBe(403);
    expect(await call(admin.token, 2_000_000_000)).toMatchObject({ status: 404, body: { error: "No user with id 2000000000." } });
    const res = await call(admin.token, a.id);
    expect(res).toMatchObject({
      status: 200,
      body: { id: a.id, email: "ray@lab.example", oneTimePassword: expect.stringMatching(/^[\w-]{16}$/) },
    });
    expect(await stillIn(a)).toEqual({ session: false, token: false });
  });
});

describe("disabling a user", () => {
  it("PATCH /api/v1/users/{id} {disabled: true} refuses their sign-in, session and token at once; enabling lets them sign in again", async () => {
    const admin = await account("boss@lab.example", "admin");
    const a = await account("dee@lab.example");
    const patch = (token: string, id: number, body: unknown) =>
      callRoute(userRoute.PATCH, `/api/v1/users/${id}`, { token, method: "PATCH", body, params: { id: String(id) } });

    expect((await patch(a.token, a.id, { disabled: true })).status).toBe(403);
    expect(await patch(admin.token, a.id, { disabled: "yes" })).toMatchObject({ status: 400 });
    expect(await patch(admin.token, a.id, { disabled: true, role: "admin" })).toMatchObject({
      status: 400,
      body: { error: "body: unknown field(s) role" },
    });

    const off = await patch(admin.token, a.id, { disabled: true });
    expect(off).toMatchObject({ status: 200, body: { id: a.id, email: "dee@lab.example", role: "reviewer", disabled: true } });
    expect(await stillIn(a)).toEqual({ session: false, token: false });
    const refused = await signIn("dee@lab.example");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ message: ACCOUNT_DISABLED });
    expect(refused.headers.getSetCookie().filter((c) => c.startsWith("better-auth.session_token=") && !/Max-Age=0/i.test(c))).toEqual([]);
    // A wrong password still says only that.
    expect((await signIn("dee@lab.example", "not the password")).status).toBe(401);

    expect(await patch(admin.token, a.id, { disabled: false })).toMatchObject({ status: 200, body: { disabled: false } });
    expect((await signIn("dee@lab.example")).status).toBe(200);
    const audit = await t.db.pool.query<{ action: string; user_id: number }>(
      `SELECT action, user_id FROM audit_events WHERE entity = 'user' AND entity_id = $1 AND action LIKE 'user.%able' ORDER BY id`,
      [String(a.id)],
    );
    expect(audit.rows).toEqual([
      { action: "user.disable", user_id: admin.id },
      { action: "user.enable", user_id: admin.id },
    ]);
  });

  it("refuses to disable the last enabled admin", async () => {
    await t.db.pool.query(`UPDATE users SET disabled_at = now() WHERE role = 'admin' AND email <> 'boss@lab.example'`);
    const { rows } = await t.db.pool.query<{ id: number }>(`SELECT id FROM users WHERE email = 'boss@lab.example'`);
    const bossToken = (await createApiToken(t.db, rows[0]!.id, "second")).token;
    const res = await callRoute(userRoute.PATCH, `/api/v1/users/${rows[0]!.id}`, {
      token: bossToken,
      method: "PATCH",
      body: { disabled: true },
      params: { id: String(rows[0]!.id) },
    });
    expect(res).toMatchObject({ status: 409, body: { error: LAST_ADMIN } });
    expect(await findTokenOwner(t.db, bossToken)).not.toBeNull();
  });
});
