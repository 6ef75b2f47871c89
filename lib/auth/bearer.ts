import type { Database } from "@/lib/db/client";
import { AppError, forbidden, unauthenticated } from "@/lib/errors";
import { assertCan } from "./access";
import type { Actor } from "./actor";
import { findTokenOwner } from "./api-tokens";
import { isRole, type Permission } from "./roles";
import { assertSameOrigin } from "./same-origin";
import { currentUser } from "./session";
import { toActor } from "./users";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The 403 for a token whose user still has to replace a one-time password (first admin, new users). */
export const TOKEN_NEEDS_PASSWORD_CHANGE = "password change required: sign in and set a new password before using API tokens";

/**
 * Who sends a route handler's request: the owner of the API token in `Authorization: Bearer <token>`,
 * else the signed-in session (cookie), else null. A request that presents a token which is not
 * accepted (unknown, revoked, its user deleted, or a malformed header) is refused outright with
 * UNAUTHENTICATED rather than falling back to a cookie it may also carry. The role is read from the
 * user's row on every request, so a role change applies to their tokens at once. A user who must still
 * change a one-time password is refused with FORBIDDEN, by token as by session, until they have.
 * A cookie-authenticated POST, PUT, PATCH or DELETE from another origin is refused with FORBIDDEN (CSRF).
 */
export async function actorFromRequest(db: Database, request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header === null) {
    if (!request.headers.has("cookie")) return null;
    assertSameOrigin(request);
    const user = await currentUser(request.headers);
    if (user?.mustChangePassword) throw forbidden("Change your one-time password first (Account page).");
    return user ? toActor(user, "session") : null;
  }
  const match = BEARER.exec(header);
  if (!match) throw unauthenticated("Authorization: expected `Bearer <API token>`.");
  const owner = await findTokenOwner(db, match[1]!);
  if (!owner || !isRole(owner.role)) throw unauthenticated("The API token is unknown or revoked.");
  if (owner.mustChangePassword) throw new AppError("FORBIDDEN", TOKEN_NEEDS_PASSWORD_CHANGE, { mustChangePassword: true });
  return { userId: owner.userId, email: owner.email, name: owner.name, role: owner.role, via: "token" };
}

/**
 * The guard of the /api/v1 route handlers: the request's actor (token or session) if their role has
 * `permission`; 401 without one, 403 when the role lacks it (or a one-time password must be changed).
 * Dataset membership is checked once the dataset is found: the handlers call this through
 * withApiActor / withApiDataset / withApiRecord (app/api/v1/_lib/guard.ts), which do both.
 */
export async function requireApiActor(db: Database, request: Request, permission: Permission): Promise<Actor> {
  const actor = await actorFromRequest(db, request);
  if (!actor) throw unauthenticated("Send `Authorization: Bearer <API token>` (Settings → API tokens) or sign in.");
  return assertCan(actor, permission);
}
