import { describe, expect, it } from "vitest";
import { postAuth, sessionCookie, authTestDatabase } from "@/lib/testing/auth";
import { createUser, ensureFirstAdmin, FIRST_ADMIN_EMAIL } from "./accounts";
import { ACCOUNT_WINDOW_SECONDS } from "./account-limit";
import { CLIENT_IP_HEADER } from "./client-ip";
import { currentUser, requireActor } from "./session";

const t = authTestDatabase();
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => postAuth(path, body, "10.0.0.1", headers);

describe("first admin (runs first, on the empty database)", () => {
  it("is created once with a one-time password that must be changed before anything else", async () => {
    const created = await ensureFirstAdmin(t.db);
    expect(created?.email).toBe(FIRST_ADMIN_EMAIL);
    expect(created?.password).toMatch(/^[\w-]{16}$/);
    expect(await ensureFirstAdmin(t.db)).toBeNull();

    const res = await post("/sign-in/email", { email: FIRST_ADMIN_EMAIL, password: created?.password }, { [CLIENT_IP_HEADER]: "10.1.0.1" });
    expect(res.status).toBe(200);
    const cookie = sessionCookie(res);
    const headers = new Headers({ cookie });
    expect(await currentUser(headers)).toMatchObject({ role: "admin", mustChangePassword: true });
    await expect(requireActor("read", undefined, headers)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const change = await post(
      "/change-password",
      { currentPassword: created?.password, newPassword: "a brand new passphrase", revokeOtherSessions: false },
      { cookie, [CLIENT_IP_HEADER]: "10.1.0.1" },
    );
    expect(change.status).toBe(200);
    expect(await currentUser(headers)).toMatchObject({ role: "admin", mustChangePassword: false });
    expect(await requireActor("manage", undefined, headers)).toMatchObject({ email: FIRST_ADMIN_EMAIL, role: "admin", via: "session" });
  });
});

describe("email + password sign-in", () => {
  it("signs a created user in with an httpOnly, SameSite=Lax cookie that identifies them", async () => {
    const { id } = await createUser(t.db, { email: "Rita@Lab.example", name: "Rita", role: "reviewer", password: "correct horse battery" });
    const res = await post("/sign-in/email", { email: "rita@lab.example", password: "correct horse battery" });
    expect(res.status).toBe(200);
    const raw = res.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token=")) ?? "";
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    const user = await currentUser(new Headers({ cookie: sessionCookie(res) }));
    expect(user).toMatchObject({ id, email: "rita@lab.example", role: "reviewer", mustChangePassword: false });
  });

  it("refuses a wrong password and an unknown email alike, and sign-up is closed", async () => {
    expect((await post("/sign-in/email", { email: "rita@lab.example", password: "wrong password!" })).status).toBe(401);
    expect(
      (await post("/sign-in/email", { email: "nobody@lab.example", password: "wrong password!" }, { [CLIENT_IP_HEADER]: "10.0.0.2" }))
        .status,
    ).toBe(401);
    const signUp = await post(
      "/sign-up/email",
      { email: "new@lab.example", password: "0123456789ab", name: "New" },
      { [CLIENT_IP_HEADER]: "10.0.0.3" },
    );
    expect(signUp.status).toBeGreaterThanOrEqual(400);
    const { rows } = await t.db.pool.query(`SELECT 1 FROM users WHERE email = 'new@lab.example'`);
    expect(rows).toHaveLength(0);
  });

  it("refuses a sign-in posted from another origin (CSRF)", async () => {
    const res = await post(
      "/sign-in/email",
      { email: "rita@lab.example", password: "correct horse battery" },
      { origin: "http://evil.example", [CLIENT_IP_HEADER]: "10.0.0.5" },
    );
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("sign-out ends the session", async () => {
    const res = await post(
      "/sign-in/email",
      { email: "rita@lab.example", password: "correct horse battery" },
      { [CLIENT_IP_HEADER]: "10.0.0.4" },
    );
    const cookie = sessionCookie(res);
    expect(await currentUser(new Headers({ cookie }))).not.toBeNull();
    const out = await post("/sign-out", {}, { cookie, [CLIENT_IP_HEADER]: "10.0.0.4" });
    expect(out.status).toBe(200);
    expect(await currentUser(new Headers({ cookie }))).toBeNull();
  });

  it("limits sign-in attempts per client IP: the 11th attempt within a minute gets 429, even with the right password", async () => {
    const ip = { [CLIENT_IP_HEADER]: "10.9.9.9" };
    const statuses: number[] = [];
    // Other accounts each time, so only the address limit applies.
    for (let i = 0; i < 10; i++)
      statuses.push((await post("/sign-in/email", { email: `guess${i}@lab.example`, password: `guess number ${i}` }, ip)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const blocked = await post("/sign-in/email", { email: "rita@lab.example", password: "correct horse battery" }, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("x-retry-after"))).toBeGreaterThan(0);
    // Another client is unaffected.
    expect(
      (await post("/sign-in/email", { email: "rita@lab.example", password: "correct horse battery" }, { [CLIENT_IP_HEADER]: "10.9.9.10" }))
        .status,
    ).toBe(200);
  });

  it("ignores X-Forwarded-For: a new header on each attempt is still the same client, and a locked-out client cannot sign in by spoofing one", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await post(
        "/sign-in/email",
        { email: `spoof${i}@lab.example`, password: `guess number ${i}` },
        { [CLIENT_IP_HEADER]: "10.8.8.8", "x-forwarded-for": `203.0.113.${i}` },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const spoofed = await post(
      "/sign-in/email",
      { email: "rita@lab.example", password: "correct horse battery" },
      { [CLIENT_IP_HEADER]: "10.8.8.8", "x-forwarded-for": "198.51.100.7" },
    );
    expect(spoofed.status).toBe(429);
  });

  it("limits failed sign-ins per account: from rotating addresses the 11th attempt gets 429 (even with the right password) until the window ends", async () => {
    await createUser(t.db, { email: "sam@lab.example", name: "Sam", role: "viewer", password: "sams real passphrase" });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await post("/sign-in/email", { email: "sam@lab.example", password: `guess number ${i}` }, { [CLIENT_IP_HEADER]: `10.7.0.${i}` }))
          .status,
      );
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const right = await post(
      "/sign-in/email",
      { email: "SAM@lab.example", password: "sams real passphrase" },
      { [CLIENT_IP_HEADER]: "10.7.1.1" },
    );
    expect(right.status).toBe(429);
    const wait = Number(right.headers.get("x-retry-after"));
    expect(wait).toBeGreaterThan(ACCOUNT_WINDOW_SECONDS - 60);
    expect(wait).toBeLessThanOrEqual(ACCOUNT_WINDOW_SECONDS);
    // Other accounts are unaffected.
    expect(
      (await post("/sign-in/email", { email: "rita@lab.example", password: "correct horse battery" }, { [CLIENT_IP_HEADER]: "10.7.1.2" }))
        .status,
    ).toBe(200);
    // Once the window is over (moved back here rather than waited for), the right password works and clears the count.
    await t.db.pool.query(
      `UPDATE sign_in_failures SET window_start = window_start - make_interval(secs => $1) WHERE email = 'sam@lab.example'`,
      [ACCOUNT_WINDOW_SECONDS],
    );
    expect(
      (await post("/sign-in/email", { email: "sam@lab.example", password: "sams real passphrase" }, { [CLIENT_IP_HEADER]: "10.7.1.3" }))
        .status,
    ).toBe(200);
    expect((await t.db.pool.query(`SELECT 1 FROM sign_in_failures WHERE email = 'sam@lab.example'`)).rowCount).toBe(0);
  });
});
