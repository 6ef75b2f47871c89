import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import type { PoolClient } from "pg";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ROLES, type Role } from "./roles";

export const ZNewUser = z.object({
  // The same rule better-auth applies at sign-in (so admin@localhost would be refused there).
  email: z.string().trim().toLowerCase().pipe(z.email("not an email address")),
  name: z.string().trim().min(1, "required").max(200),
  role: z.enum(ROLES),
  password: z.string().min(10, "at least 10 characters").max(256),
});
export type NewUser = z.input<typeof ZNewUser> & { mustChangePassword?: boolean };

async function audit(client: PoolClient, byUserId: number | null, action: string, entityId: number, data: object, datasetId: number | null = null) {
  await client.query(
    `INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data) VALUES ($1, $2, $3, 'user', $4, $5)`,
    [datasetId, byUserId, action, String(entityId), JSON.stringify(data)],
  );
}

/** A user with a password credential, in one transaction (better-auth signs them in afterwards). */
export async function createUser(db: Pick<Database, "pool">, input: NewUser, byUserId: number | null = null): Promise<{ id: number }> {
  const user = ZNewUser.parse(input);
  const hash = await hashPassword(user.password);
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO users (email, name, role, must_change_password) VALUES ($1, $2, $3::"UserRole", $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.email, user.name, user.role, input.mustChangePassword ?? false],
    );
    const created = rows[0];
    if (!created) throw new AppError("CONFLICT", `A user with email ${user.email} already exists.`);
    await client.query(
      `INSERT INTO auth_accounts (user_id, account_id, provider_id, password) VALUES ($1, $2, 'credential', $3)`,
      [created.id, String(created.id), hash],
    );
    await audit(client, byUserId, "user.create", created.id, { email: user.email, role: user.role });
    await client.query("COMMIT");
    return created;
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}

export type UserListRow = { id: number; email: string; name: string; role: Role; disabled: boolean; createdAt: Date; datasets: string[] };

export async function listUsers(db: Pick<Database, "pool">): Promise<UserListRow[]> {
  const { rows } = await db.pool.query<UserListRow>(
    `SELECT u.id, u.email, u.name, u.role::text AS role, u.disabled_at IS NOT NULL AS disabled, u.created_at AS "createdAt",
            coalesce(array_agg(d.slug ORDER BY d.slug) FILTER (WHERE d.slug IS NOT NULL), '{}') AS datasets
       FROM users u
       LEFT JOIN dataset_members m ON m.user_id = u.id
       LEFT JOIN datasets d ON d.id = m.dataset_id
      GROUP BY u.id ORDER BY u.id`,
  );
  return rows;
}

/** Changes a role; refuses to leave the app without an admin. */
export async function setUserRole(db: Database, userId: number, role: Role, byUserId: number | null = null): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    // Serialises concurrent demotions so two admins cannot demote each other at once.
    await client.query(`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`);
    const { rowCount } = await client.query(`UPDATE users SET role = $2::"UserRole", updated_at = now() WHERE id = $1`, [userId, role]);
    if (!rowCount) throw new AppError("NOT_FOUND", `No user with id ${userId}.`);
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
    if ((rows[0]?.n ?? 0) === 0) throw new AppError("CONFLICT", "At least one admin must remain.");
    await audit(client, byUserId, "user.role", userId, { role });
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}

/**
 * Restricts a dataset to exactly these members (by email); an empty list makes it open to every
 * signed-in user again. Unknown emails are refused and nothing changes.
 */
export async function setDatasetMembers(db: Database, datasetSlug: string, emails: string[], byUserId: number | null = null): Promise<{ members: number }> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const ds = await client.query<{ id: number }>(`SELECT id FROM datasets WHERE slug = $1 FOR UPDATE`, [datasetSlug]);
    const dataset = ds.rows[0];
    if (!dataset) throw new AppError("NOT_FOUND", `No dataset with slug "${datasetSlug}".`);
    const users = await client.query<{ id: number; email: string }>(`SELECT id, email FROM users WHERE email = ANY($1::text[])`, [wanted]);
    const missing = wanted.filter((e) => !users.rows.some((u) => u.email === e));
    if (missing.length) throw new AppError("BAD_INPUT", `members: no user with email ${missing.join(", ")}`);
    await client.query(`DELETE FROM dataset_members WHERE dataset_id = $1`, [dataset.id]);
    await client.query(
      `INSERT INTO dataset_members (dataset_id, user_id) SELECT $1, unnest($2::int[])`,
      [dataset.id, users.rows.map((u) => u.id)],
    );
    await client.query(
      `INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data) VALUES ($1, $2, 'dataset.members', 'dataset', $3, $4)`,
      [dataset.id, byUserId, String(dataset.id), JSON.stringify({ members: users.rows.map((u) => u.email).sort() })],
    );
    await client.query("COMMIT");
    return { members: users.rows.length };
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
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

/** Ends every session of the user and revokes every API token they hold (in the caller's transaction). */
async function signOutEverywhere(client: PoolClient, userId: number): Promise<void> {
  await client.query(`DELETE FROM auth_sessions WHERE user_id = $1`, [userId]);
  await client.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
}

/**
 * Gives a user a new one-time password (returned once, for the caller to hand over): their password
 * is replaced, every session they hold ends and every API token they hold is revoked, and the next
 * sign-in must choose a new password. Audited.
 */
export async function resetPassword(db: Pick<Database, "pool">, ref: string | UserRef, byUserId: number | null = null): Promise<{ userId: number; email: string; password: string }> {
  const who: UserRef = typeof ref === "string" ? { email: ref } : ref;
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: number; email: string }>(
      `UPDATE users SET must_change_password = true, updated_at = now() WHERE ${"email" in who ? "email = $1" : "id = $1"} RETURNING id, email`,
      ["email" in who ? who.email.trim().toLowerCase() : who.userId],
    );
    const user = rows[0];
    if (!user) throw new AppError("NOT_FOUND", `No user with ${describe(who)}.`);
    await client.query(
      `INSERT INTO auth_accounts (user_id, account_id, provider_id, password) VALUES ($1, $2, 'credential', $3)
       ON CONFLICT (provider_id, account_id) DO UPDATE SET password = EXCLUDED.password, updated_at = now()`,
      [user.id, String(user.id), hash],
    );
    await signOutEverywhere(client, user.id);
    await audit(client, byUserId, "user.password_reset", user.id, {});
    await client.query("COMMIT");
    return { userId: user.id, email: user.email, password };
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}

export const LAST_ADMIN = "At least one enabled admin must remain.";

/**
 * Disables a user (sign-in, sessions and API tokens refused at once: their sessions end, their tokens
 * are revoked) or enables them again (they sign in anew and create new tokens). Refuses to disable
 * the last enabled admin. Audited; setting the state a user already has changes nothing.
 */
export async function setUserDisabled(
  db: Pick<Database, "pool">, ref: UserRef, disabled: boolean, byUserId: number | null = null,
): Promise<{ id: number; email: string; name: string; role: Role; disabled: boolean }> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    // Serialises concurrent changes to admins, as setUserRole does.
    await client.query(`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`);
    const { rows } = await client.query<{ id: number; email: string; name: string; role: Role; was: boolean }>(
      `UPDATE users u SET disabled_at = CASE WHEN $2 THEN coalesce(u.disabled_at, now()) END, updated_at = now()
        FROM users old WHERE old.id = u.id AND ${"email" in ref ? "u.email = $1" : "u.id = $1"}
        RETURNING u.id, u.email, u.name, u.role::text AS role, old.disabled_at IS NOT NULL AS was`,
      ["email" in ref ? ref.email.trim().toLowerCase() : ref.userId, disabled],
    );
    const user = rows[0];
    if (!user) throw new AppError("NOT_FOUND", `No user with ${describe(ref)}.`);
    if (disabled) {
      const admins = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL`);
      if ((admins.rows[0]?.n ?? 0) === 0) throw new AppError("CONFLICT", LAST_ADMIN);
      await signOutEverywhere(client, user.id);
    }
    if (user.was !== disabled) await audit(client, byUserId, disabled ? "user.disable" : "user.enable", user.id, {});
    await client.query("COMMIT");
    return { id: user.id, email: user.email, name: user.name, role: user.role, disabled };
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}

/** better-auth accepts only addresses with a top-level domain; `.test` is reserved for local use. */
export const FIRST_ADMIN_EMAIL = "admin@localhost.test";

/**
 * On a database without users: creates `admin@localhost` with a random one-time password that must
 * be changed at first sign-in, and returns it (the caller prints it once). Null when users exist.
 */
export async function ensureFirstAdmin(db: Database): Promise<{ email: string; password: string } | null> {
  const { rows } = await db.pool.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM users) AS any`);
  if (rows[0]?.any) return null;
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
