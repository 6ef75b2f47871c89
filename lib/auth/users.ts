import { z } from "zod";
import { getDatabase } from "@/lib/db/client";
import { queryMaybeOne, sql } from "@/lib/db/sql";
import type { Actor } from "./actor";
import { isRole } from "./roles";

const ZUserRow = z.object({ id: z.number(), email: z.string(), name: z.string(), role: z.string(), mustChangePassword: z.boolean() });
export type UserRow = z.output<typeof ZUserRow>;

/** The signed-in user's current row: a role change, deletion or disabling applies at the next request. */
export async function loadUser(userId: number): Promise<UserRow | null> {
  const { pool } = await getDatabase();
  return queryMaybeOne(
    pool,
    sql`SELECT id, email, name, role::text AS role, must_change_password AS "mustChangePassword" FROM users WHERE id = ${userId} AND disabled_at IS NULL`,
    ZUserRow,
  );
}

export function toActor(user: UserRow, via: Actor["via"]): Actor {
  if (!isRole(user.role)) throw new Error(`users.role "${user.role}" is not a known role`);
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via };
}
