import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliCaptured } from "@/lib/testing/cli";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const cli = runCliCaptured;

async function account(email: string) {
  const { rows } = await t.db.pool.query<{ id: number; role: string; must: boolean; hash: string }>(
    `SELECT u.id, u.role::text AS role, u.must_change_password AS must, a.password AS hash
     FROM users u JOIN auth_accounts a ON a.user_id = u.id AND a.provider_id = 'credential' WHERE u.email = $1`,
    [email],
  );
  return rows[0];
}

describe("cli users", () => {
  it("sets the languages an account reviews at creation and with update; an empty list means all", async () => {
    const languagesOf = async (email: string) =>
      (await t.db.pool.query<{ l: string[] | null }>(`SELECT review_languages AS l FROM users WHERE email = $1`, [email])).rows[0]?.l;
    const r = await cli(["users", "create", "--email", "lin@lab.example", "--name", "Lin", "--role", "reviewer", "--languages", "de, ar"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ email: "lin@lab.example", languages: ["de", "ar"] });
    expect(await languagesOf("lin@lab.example")).toEqual(["de", "ar"]);
    const u = await cli(["users", "update", "--email", "lin@lab.example", "--languages", "zh-TW"]);
    expect(JSON.parse(u.stdout)).toMatchObject({ email: "lin@lab.example", languages: ["zh-TW"], disabled: false });
    expect(JSON.parse((await cli(["users", "update", "--email", "lin@lab.example", "--languages", ""])).stdout)).toMatchObject({
      languages: [],
    });
    const bad = await cli(["users", "update", "--email", "lin@lab.example", "--languages", "German"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/language code/);
    expect(await languagesOf("lin@lab.example")).toEqual([]);
  });

  it("creates an account whose printed one-time password is its password, to be changed at first sign-in", async () => {
    const r = await cli(["users", "create", "--email", "Ada@Lab.Example", "--name", "Ada", "--role", "reviewer"]);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { id: number; email: string; role: string; oneTimePassword: string };
    expect(printed).toMatchObject({ email: "ada@lab.example", role: "reviewer" });
    const a = await account("ada@lab.example");
    expect(a).toMatchObject({ id: printed.id, role: "reviewer", must: true });
    expect(await verifyPassword({ hash: a!.hash, password: printed.oneTimePassword })).toBe(true);
    const list = await cli(["users", "list", "--json"]);
    expect((JSON.parse(list.stdout) as { email: string }[]).map((u) => u.email)).toContain("ada@lab.example");
  });

  it("resets a password: the old one stops working, sessions end, a change is required", async () => {
    const created = JSON.parse((await cli(["users", "create", "--email", "bo@lab.example", "--name", "Bo", "--role", "admin"])).stdout) as {
      id: number;
      oneTimePassword: string;
    };
    await t.db.pool.query(`UPDATE users SET must_change_password = false WHERE id = $1`, [created.id]);
    await t.db.pool.query(
      `INSERT INTO auth_sessions (user_id, token, expires_at, updated_at) VALUES ($1, 'session-token', now() + interval '1 day', now())`,
      [created.id],
    );
    const r = await cli(["users", "reset-password", "--email", "BO@lab.example"]);
    expect(r.code).toBe(0);
    const { oneTimePassword } = JSON.parse(r.stdout) as { oneTimePassword: string };
    const a = await account("bo@lab.example");
    expect(a!.must).toBe(true);
    expect(await verifyPassword({ hash: a!.hash, password: oneTimePassword })).toBe(true);
    expect(await verifyPassword({ hash: a!.hash, password: created.oneTimePassword })).toBe(false);
    const sessions = await t.db.pool.query(`SELECT 1 FROM auth_sessions WHERE user_id = $1`, [created.id]);
    expect(sessions.rowCount).toBe(0);
    const audit = await t.db.pool.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity = 'user' AND entity_id = $1 ORDER BY id`,
      [String(created.id)],
    );
    expect(audit.rows.map((e) => e.action)).toEqual(["user.create", "user.password_reset"]);
  });

  it("names what is wrong: an unknown email, a duplicate account, a role that does not exist", async () => {
    const unknown = await cli(["users", "reset-password", "--email", "nobody@lab.example"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user with email nobody@lab.example.");
    const dup = await cli(["users", "create", "--email", "ada@lab.example", "--name", "Ada", "--role", "viewer"]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain("A user with email ada@lab.example already exists.");
    const role = await cli(["users", "create", "--email", "cy@lab.example", "--name", "Cy", "--role", "owner"]);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("Allowed choices are admin, reviewer, viewer.");
    expect(await account("cy@lab.example")).toBeUndefined();
  });

  it("refuses to run against a remote server, naming the whole command", async () => {
    process.env.CM_SERVER_URL = "http://127.0.0.1:1";
    process.env.CM_API_TOKEN = "cmas_unused";
    try {
      const r = await cli(["users", "list"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("users list works on the local database only");
    } finally {
      delete process.env.CM_SERVER_URL;
      delete process.env.CM_API_TOKEN;
    }
  });

  /** A user created by the CLI, with one API token ("laptop"). */
  async function userWithToken(email: string, name: string, role: string, prefix: string): Promise<{ id: number }> {
    const created = JSON.parse((await cli(["users", "create", "--email", email, "--name", name, "--role", role])).stdout) as {
      id: number;
    };
    await t.db.pool.query(`INSERT INTO api_tokens (user_id, name, prefix, token_hash) VALUES ($1, 'laptop', $2, $3)`, [
      created.id,
      prefix,
      `hash-${prefix}`,
    ]);
    return created;
  }

  it("reset-password also revokes the account's API tokens", async () => {
    const created = await userWithToken("tok@lab.example", "Tok", "reviewer", "cmas_x");
    expect((await cli(["users", "reset-password", "--email", "tok@lab.example"])).code).toBe(0);
    const { rows } = await t.db.pool.query(`SELECT revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE user_id = $1`, [created.id]);
    expect(rows).toEqual([{ revoked: true }]);
  });

  it("disables and enables an account by email: sessions end and tokens are revoked; the last admin stays enabled", async () => {
    const created = await userWithToken("dis@lab.example", "Dis", "viewer", "cmas_y");
    await t.db.pool.query(
      `INSERT INTO auth_sessions (user_id, token, expires_at, updated_at) VALUES ($1, 'dis-session', now() + interval '1 day', now())`,
      [created.id],
    );
    const off = await cli(["users", "disable", "--email", "DIS@lab.example"]);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toEqual({ id: created.id, email: "dis@lab.example", name: "Dis", role: "viewer", disabled: true });
    const state = async () =>
      (
        await t.db.pool.query(
          `SELECT u.disabled_at IS NOT NULL AS disabled, (SELECT count(*)::int FROM auth_sessions WHERE user_id = u.id) AS sessions,
                (SELECT count(*)::int FROM api_tokens WHERE user_id = u.id AND revoked_at IS NULL) AS tokens FROM users u WHERE u.id = $1`,
          [created.id],
        )
      ).rows[0];
    expect(await state()).toEqual({ disabled: true, sessions: 0, tokens: 0 });
    expect((await cli(["users", "list"])).stderr).toMatch(/dis@lab\.example +Dis  \(disabled\)/);
    const on = await cli(["users", "enable", "--email", "dis@lab.example"]);
    expect(JSON.parse(on.stdout)).toMatchObject({ disabled: false });
    expect(await state()).toEqual({ disabled: false, sessions: 0, tokens: 0 });

    await t.db.pool.query(`UPDATE users SET disabled_at = now() WHERE role = 'admin' AND email <> 'bo@lab.example'`);
    const last = await cli(["users", "disable", "--email", "bo@lab.example"]);
    expect(last.code).toBe(1);
    expect(last.stderr).toContain("At least one enabled admin must remain.");
    const unknown = await cli(["users", "disable", "--email", "ghost@lab.example"]);
    expect(unknown.stderr).toContain("No user with email ghost@lab.example.");
  });
});
