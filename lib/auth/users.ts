import { getDatabase } from "@/lib/db/client";
import type { Actor } from "./actor";
import { isRole } from "./roles";

export type UserRow = { id: number; email: string; name: string; role: string; mustChangePassword: boolean };

/** The signed-in user's current row: a role change, deletion or disabling applies at the next request. */
export async function loadUser(userId: number): Promise<UserRow | null> {
  const { pool } = await getDatabase();
  const { rows } = await pool.query<UserRow>(
    `SELECT id, email, name, role::text AS role, must_change_password AS "mustChangePassword" FROM users WHERE id = $1 AND disabled_at IS NULL`,
    [userId],
  );
  return rows[0] ?? null;
}

export function toActor(user: UserRow, via: Actor["via"]): Actor {
  if (!isRole(user.role)) throw new Error(`users.role "${user.role}" is not a known role`);
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via };
}
