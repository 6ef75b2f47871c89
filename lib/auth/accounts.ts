import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { execute, type Queryable, queryMaybeOne, queryOne, queryRows, raw, type Sql, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError, describeIssues } from "@/lib/errors";
import { ZLanguageCodes } from "@/lib/input-limits";
import { ROLES, type Role } from "./roles";

export const ZNewUser = z.object({
  // The same rule better-auth applies at sign-in (so admin@localhost would be refused there).
  email: z.string().trim().toLowerCase().pipe(z.email("not an email address")),
  name: z.string().trim().min(1, "required").max(200),
  role: z.enum(ROLES),
  password: z.string().min(10, "at least 10 characters").max(256),
  /** Team review: the languages the user reviews; empty = all. */
  languages: ZLanguageCodes.default([]),
});
export type NewUser = z.input<typeof ZNewUser> & { mustChangePassword?: boolean };

async function audit(client: Queryable, byUserId: number | null, action: string, entityId: number, data: object): Promise<void> {
  await recordAuditEvent(client, { datasetId: null, userId: byUserId, action, entity: "user", entityId, data });
}

const ZId = z.object({ id: z.number() });
const ZCount = z.object({ n: z.number() });

/** A user with a password credential, in one transaction (better-auth signs them in afterwards). */
export async function createUser(db: Pick<Database, "pool">, input: NewUser, byUserId: number | null = null): Promise<{ id: number }> {
  const user = ZNewUser.parse(input);
  const hash = await hashPassword(user.password);
  return withTransaction(db, async (tx) => {
    const created = await queryMaybeOne(
      tx,
      sql`INSERT INTO users (email, name, role, must_change_password, review_languages)
          VALUES (${user.email}, ${user.name}, ${user.role}::"UserRole", ${input.mustChangePassword ?? false}, ${user.languages}::text[])
          ON CONFLICT (email) DO NOTHING RETURNING id`,
      ZId,
    );
    if (!created) throw new AppError("CONFLICT", `A user with email ${user.email} already exists.`);
    await execute(
      tx,
      sql`INSERT INTO auth_accounts (user_id, account_id, provider_id, password) VALUES (${created.id}, ${String(created.id)}, 'credential', ${hash})`,
    );
    await audit(tx, byUserId, "user.create", created.id, { email: user.email, role: user.role });
    return created;
  });
}

const ZUserListRow = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  createdAt: z.date(),
  datasets: z.array(z.string()),
  /** Review languages; empty = all. */
  languages: z.array(z.string()),
});
export type UserListRow = z.output<typeof ZUserListRow>;

export async function listUsers(db: Pick<Database, "pool">): Promise<UserListRow[]> {
  return queryRows(
    db.pool,
    sql`SELECT u.id, u.email, u.name, u.role::text AS role, u.disabled_at IS NOT NULL AS disabled, u.created_at AS "createdAt",
               coalesce(u.review_languages, ARRAY[]::text[]) AS languages,
               coalesce(array_agg(d.slug ORDER BY d.slug) FILTER (WHERE d.slug IS NOT NULL), '{}') AS datasets
          FROM users u
          LEFT JOIN dataset_members m ON m.user_id = u.id
          LEFT JOIN datasets d ON d.id = m.dataset_id
         GROUP BY u.id ORDER BY u.id`,
    ZUserListRow,
  );
}

/** Changes a role; refuses to leave the app without an admin. */
export async function setUserRole(db: Database, userId: number, role: Role, byUserId: number | null = null): Promise<void> {
  await withTransaction(db, async (tx) => {
    // Serialises concurrent demotions so two admins cannot demote each other at once.
    await execute(tx, sql`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`);
    const changed = await execute(tx, sql`UPDATE users SET role = ${role}::"UserRole", updated_at = now() WHERE id = ${userId}`);
    if (!changed) throw new AppError("NOT_FOUND", `No user with id ${userId}.`);
    const admins = await queryOne(tx, sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`, ZCount);
    if (admins.n === 0) throw new AppError("CONFLICT", "At least one admin must remain.");
    await audit(tx, byUserId, "user.role", userId, { role });
  });
}

/**
 * Restricts a dataset to exactly these members (by email); an empty list makes it open to every
 * signed-in user again. Unknown emails are refused and nothing changes.
 */
export async function setDatasetMembers(
  db: Database,
  datasetSlug: string,
  emails: string[],
  byUserId: number | null = null,
): Promise<{ members: number }> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  return withTransaction(db, async (tx) => {
    const dataset = await queryMaybeOne(tx, sql`SELECT id FROM datasets WHERE slug = ${datasetSlug} AND NOT loading FOR UPDATE`, ZId);
    if (!dataset) throw new AppError("NOT_FOUND", `No dataset with slug "${datasetSlug}".`);
    const users = await queryRows(
      tx,
      sql`SELECT id, email FROM users WHERE email = ANY(${wanted}::text[])`,
      z.object({ id: z.number(), email: z.string() }),
    );
    const missing = wanted.filter((e) => !users.some((u) => u.email === e));
    if (missing.length) throw new AppError("BAD_INPUT", `members: no user with email ${missing.join(", ")}`);
    await execute(tx, sql`DELETE FROM dataset_members WHERE dataset_id = ${dataset.id}`);
    await execute(
      tx,
      sql`INSERT INTO dataset_members (dataset_id, user_id) SELECT ${dataset.id}, unnest(${users.map((u) => u.id)}::int[])`,
    );
    await recordAuditEvent(tx, {
      datasetId: dataset.id,
      userId: byUserId,
      action: "dataset.members",
      entity: "dataset",
      entityId: dataset.id,
      data: { members: users.map((u) => u.email).sort() },
    });
    return { members: users.length };
  });
}

/** A random password for a first sign-in, which must then be replaced. */
export function oneTimePassword(): string {
  return randomBytes(12).toString("base64url");
}

/** A user named by sign-in address or by id. */
export type UserRef = { email: string } | { userId: number };

function describe(ref: UserRef): string {
  return "email" in ref ? `email ${ref.email}` : `id ${ref.userId}`;
}

/** The WHERE condition naming the user `ref` refers to, on the users row aliased `alias`. */
function userIs(ref: UserRef, alias: Sql): Sql {
  return "email" in ref ? sql`${alias}.email = ${ref.email.trim().toLowerCase()}` : sql`${alias}.id = ${ref.userId}`;
}

/** Ends every session of the user and revokes every API token they hold (in the caller's transaction). */
async function signOutEverywhere(tx: Queryable, userId: number): Promise<void> {
  await execute(tx, sql`DELETE FROM auth_sessions WHERE user_id = ${userId}`);
  await execute(tx, sql`UPDATE api_tokens SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL`);
}

/**
 * Gives a user a new one-time password (returned once, for the caller to hand over): their password
 * is replaced, every session they hold ends and every API token they hold is revoked, and the next
 * sign-in must choose a new password. Audited.
 */
export async function resetPassword(
  db: Pick<Database, "pool">,
  ref: string | UserRef,
  byUserId: number | null = null,
): Promise<{ userId: number; email: string; password: string }> {
  const who: UserRef = typeof ref === "string" ? { email: ref } : ref;
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  return withTransaction(db, async (tx) => {
    const user = await queryMaybeOne(
      tx,
      sql`UPDATE users u SET must_change_password = true, updated_at = now() WHERE ${userIs(who, raw("u"))} RETURNING id, email`,
      z.object({ id: z.number(), email: z.string() }),
    );
    if (!user) throw new AppError("NOT_FOUND", `No user with ${describe(who)}.`);
    await execute(
      tx,
      sql`INSERT INTO auth_accounts (user_id, account_id, provider_id, password) VALUES (${user.id}, ${String(user.id)}, 'credential', ${hash})
          ON CONFLICT (provider_id, account_id) DO UPDATE SET password = EXCLUDED.password, updated_at = now()`,
    );
    await signOutEverywhere(tx, user.id);
    await audit(tx, byUserId, "user.password_reset", user.id, {});
    return { userId: user.id, email: user.email, password };
  });
}

export const LAST_ADMIN = "At least one enabled admin must remain.";

const ZDisabledUser = z.object({ id: z.number(), email: z.string(), name: z.string(), role: z.enum(ROLES), was: z.boolean() });

/**
 * Disables a user (sign-in, sessions and API tokens refused at once: their sessions end, their tokens
 * are revoked) or enables them again (they sign in anew and create new tokens). Refuses to disable
 * the last enabled admin. Audited; setting the state a user already has changes nothing.
 */
export async function setUserDisabled(
  db: Pick<Database, "pool">,
  ref: UserRef,
  disabled: boolean,
  byUserId: number | null = null,
): Promise<{ id: number; email: string; name: string; role: Role; disabled: boolean }> {
  return withTransaction(db, (tx) => applyDisabled(tx, ref, disabled, byUserId));
}

async function applyDisabled(tx: Queryable, ref: UserRef, disabled: boolean, byUserId: number | null) {
  // Serialises concurrent changes to admins, as setUserRole does.
  await execute(tx, sql`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`);
  const user = await queryMaybeOne(
    tx,
    sql`UPDATE users u SET disabled_at = CASE WHEN ${disabled} THEN coalesce(u.disabled_at, now()) END, updated_at = now()
          FROM users old WHERE old.id = u.id AND ${userIs(ref, raw("u"))}
          RETURNING u.id, u.email, u.name, u.role::text AS role, old.disabled_at IS NOT NULL AS was`,
    ZDisabledUser,
  );
  if (!user) throw new AppError("NOT_FOUND", `No user with ${describe(ref)}.`);
  if (disabled) {
    const admins = await queryOne(tx, sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL`, ZCount);
    if (admins.n === 0) throw new AppError("CONFLICT", LAST_ADMIN);
    await signOutEverywhere(tx, user.id);
  }
  if (user.was !== disabled) await audit(tx, byUserId, disabled ? "user.disable" : "user.enable", user.id, {});
  return { id: user.id, email: user.email, name: user.name, role: user.role, disabled };
}

const ZReviewLanguages = z.object({ languages: ZLanguageCodes });

async function applyReviewLanguages(tx: Queryable, ref: UserRef, languages: readonly string[], byUserId: number | null): Promise<string[]> {
  const parsed = ZReviewLanguages.safeParse({ languages: [...new Set(languages)] });
  if (!parsed.success) throw new AppError("BAD_INPUT", describeIssues(parsed.error));
  const codes = parsed.data.languages;
  const user = await queryMaybeOne(
    tx,
    sql`UPDATE users u SET review_languages = ${codes}::text[], updated_at = now() WHERE ${userIs(ref, raw("u"))} RETURNING u.id`,
    ZId,
  );
  if (!user) throw new AppError("NOT_FOUND", `No user with ${describe(ref)}.`);
  await audit(tx, byUserId, "user.languages", user.id, { languages: codes });
  return codes;
}

export type UserChange = { disabled?: boolean; languages?: readonly string[] };

/** Disables or enables a user and sets the languages they review, in one transaction. */
export async function updateUser(
  db: Pick<Database, "pool">,
  ref: UserRef,
  change: UserChange,
  byUserId: number | null = null,
): Promise<{ id: number; email: string; name: string; role: Role; disabled: boolean; languages: string[] }> {
  return withTransaction(db, async (tx) => {
    if (change.languages !== undefined) await applyReviewLanguages(tx, ref, change.languages, byUserId);
    if (change.disabled !== undefined) await applyDisabled(tx, ref, change.disabled, byUserId);
    const user = await queryMaybeOne(
      tx,
      sql`SELECT u.id, u.email, u.name, u.role::text AS role, u.disabled_at IS NOT NULL AS disabled,
                 coalesce(u.review_languages, ARRAY[]::text[]) AS languages
          FROM users u WHERE ${userIs(ref, raw("u"))}`,
      z.object({
        id: z.number(),
        email: z.string(),
        name: z.string(),
        role: z.enum(ROLES),
        disabled: z.boolean(),
        languages: z.array(z.string()),
      }),
    );
    if (!user) throw new AppError("NOT_FOUND", `No user with ${describe(ref)}.`);
    return user;
  });
}

/** better-auth accepts only addresses with a top-level domain; `.test` is reserved for local use. */
export const FIRST_ADMIN_EMAIL = "admin@localhost.test";

/**
 * On a database without users: creates `admin@localhost` with a random one-time password that must
 * be changed at first sign-in, and returns it (the caller prints it once). Null when users exist.
 */
export async function ensureFirstAdmin(db: Database): Promise<{ email: string; password: string } | null> {
  const found = await queryOne(db.pool, sql`SELECT EXISTS (SELECT 1 FROM users) AS any`, z.object({ any: z.boolean() }));
  if (found.any) return null;
  const password = oneTimePassword();
  try {
    await createUser(db, { email: FIRST_ADMIN_EMAIL, name: "Admin", role: "admin", password, mustChangePassword: true });
  } catch (e) {
    // Another process created it between the check and the insert.
    if (e instanceof AppError && e.code === "CONFLICT") return null;
    throw e;
  }
  return { email: FIRST_ADMIN_EMAIL, password };
}
