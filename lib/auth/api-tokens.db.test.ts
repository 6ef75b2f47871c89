import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createApiToken, findTokenOwner, listApiTokens, revokeApiToken, TOKEN_PREFIX } from "./api-tokens";
import { actorFromRequest } from "./bearer";

let t: TestDatabase;
let alice: number;
let bob: number;

beforeAll(async () => {
  t = await createTestDatabase();
  alice = (await t.db.prisma.user.create({ data: { email: "alice@lab.example", name: "Alice", role: "reviewer" } })).id;
  bob = (await t.db.prisma.user.create({ data: { email: "bob@lab.example", name: "Bob", role: "viewer" } })).id;
});
afterAll(async () => {
  await t.drop();
});

/** Every row of every table in the public schema, as text (the whole database's content). */
async function wholeDatabaseText(): Promise<string> {
  const { rows: tables } = await t.db.pool.query<{ name: string }>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const dumps = await Promise.all(
    tables.map(async ({ name }) => (await t.db.pool.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`)).rows.map((r) => r.row)),
  );
  return dumps.flat().join("\n");
}

const bearer = (token: string) => new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${token}` } });

describe("creating a token", () => {
  it("returns a prefixed 32-byte secret once and stores only its sha256 and a display prefix", async () => {
    const { token, view } = await createApiToken(t.db, alice, "  laptop CLI ");
    expect(token).toMatch(/^cmas_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(TOKEN_PREFIX.length), "base64url")).toHaveLength(32);
    expect(view).toMatchObject({
      userId: alice,
      userEmail: "alice@lab.example",
      name: "laptop CLI",
      prefix: token.slice(0, 13),
      lastUsedAt: null,
      revokedAt: null,
    });
    const row = await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));

    const everything = await wholeDatabaseText();
    expect(everything).toContain(row.tokenHash);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(13)); // not even the secret's undisplayed part
  });

  it("gives every token a different secret", async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => createApiToken(t.db, bob, `t${i}`)));
    expect(new Set(tokens.map((x) => x.token)).size).toBe(20);
    expect(new Set(tokens.map((x) => x.view.prefix)).size).toBe(20);
  });

  it("refuses a blank or overlong name, naming the field", async () => {
    await expect(createApiToken(t.db, alice, "   ")).rejects.toThrow(/^name: /);
    await expect(createApiToken(t.db, alice, "x".repeat(101))).rejects.toThrow(/^name: /);
  });
});

describe("using a token", () => {
  it("resolves to its owner with the owner's current role, and marks it used at most once a minute", async () => {
    const { token, view } = await createApiToken(t.db, alice, "used");
    expect(await findTokenOwner(t.db, token)).toEqual({
      tokenId: view.id,
      userId: alice,
      email: "alice@lab.example",
      name: "Alice",
      role: "reviewer",
      mustChangePassword: false,
    });
    const first = (await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: view.id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await findTokenOwner(t.db, token);
    expect((await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: view.id } })).lastUsedAt).toEqual(first);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await t.db.prisma.apiToken.update({ where: { id: view.id }, data: { lastUsedAt: twoMinutesAgo } });
    await findTokenOwner(t.db, token);
    expect((await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: view.id } })).lastUsedAt!.getTime()).toBeGreaterThan(
      twoMinutesAgo.getTime() + 60_000,
    );

    await t.db.prisma.user.update({ where: { id: alice }, data: { role: "admin" } });
    expect(await actorFromRequest(t.db, bearer(token))).toEqual({
      userId: alice,
      email: "alice@lab.example",
      name: "Alice",
      role: "admin",
      via: "token",
    });
    await t.db.prisma.user.update({ where: { id: alice }, data: { role: "reviewer" } });
  });

  it("does not accept a token with one character changed, a truncated one, or a malformed header", async () => {
    const { token } = await createApiToken(t.db, alice, "tamper");
    const last = token.at(-1) === "A" ? "B" : "A";
    expect(await findTokenOwner(t.db, token.slice(0, -1) + last)).toBeNull();
    expect(await findTokenOwner(t.db, token.slice(0, -1))).toBeNull();
    expect(await findTokenOwner(t.db, token.slice(TOKEN_PREFIX.length))).toBeNull();
    await expect(actorFromRequest(t.db, bearer(token.slice(0, -1) + last))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const basic = new Request("http://localhost/api/v1/me", {
      headers: { authorization: `Basic ${Buffer.from(`x:${token}`).toString("base64")}` },
    });
    await expect(actorFromRequest(t.db, basic)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await actorFromRequest(t.db, new Request("http://localhost/api/v1/me"))).toBeNull();
  });

  it("stops working when its user is deleted", async () => {
    const carol = await t.db.prisma.user.create({ data: { email: "carol@lab.example", name: "Carol", role: "admin" } });
    const { token } = await createApiToken(t.db, carol.id, "gone");
    expect(await findTokenOwner(t.db, token)).not.toBeNull();
    await t.db.prisma.user.delete({ where: { id: carol.id } });
    expect(await findTokenOwner(t.db, token)).toBeNull();
    await expect(actorFromRequest(t.db, bearer(token))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("listing and revoking", () => {
  it("lists a user's own tokens without any secret; an admin listing sees everyone's", async () => {
    const own = await listApiTokens(t.db, { userId: bob });
    expect(own.length).toBe(20);
    expect(own.every((v) => v.userId === bob)).toBe(true);
    expect(Object.keys(own[0]!).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt", "userEmail", "userId"]);
    const all = await listApiTokens(t.db, { userId: alice, allUsers: true });
    expect(new Set(all.map((v) => v.userId))).toEqual(new Set([alice, bob]));
  });

  it("refuses every later use of a revoked token; only its owner or an admin may revoke it", async () => {
    const { token, view } = await createApiToken(t.db, alice, "to revoke");
    await expect(revokeApiToken(t.db, view.id, { userId: bob })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findTokenOwner(t.db, token)).not.toBeNull();

    const revoked = await revokeApiToken(t.db, view.id, { userId: alice });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await findTokenOwner(t.db, token)).toBeNull();
    await expect(actorFromRequest(t.db, bearer(token))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // Revoking again (here by an admin) keeps the first revocation time.
    expect((await revokeApiToken(t.db, view.id, { userId: bob, anyUser: true })).revokedAt).toEqual(revoked.revokedAt);
    expect((await listApiTokens(t.db, { userId: alice })).find((v) => v.id === view.id)?.revokedAt).toEqual(revoked.revokedAt);
  });

  it("lets an admin revoke another user's token, and audits who created and who revoked it", async () => {
    const { token, view } = await createApiToken(t.db, bob, "admin revokes");
    await revokeApiToken(t.db, view.id, { userId: alice, anyUser: true });
    expect(await findTokenOwner(t.db, token)).toBeNull();
    const audit = await t.db.prisma.auditEvent.findMany({
      where: { entity: "api_token", entityId: String(view.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.userId, a.data])).toEqual([
      ["token.create", bob, { name: "admin revokes", prefix: view.prefix }],
      ["token.revoke", alice, { owner: bob, prefix: view.prefix }],
    ]);
  });
});
