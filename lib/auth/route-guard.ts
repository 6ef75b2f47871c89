import "server-only";
import { errorResponse } from "@/lib/error-response";
import { isAppError } from "@/lib/errors";
import type { Actor } from "./actor";
import type { Permission } from "./roles";
import { assertSameOrigin } from "./same-origin";
import { requireActor, type DatasetRef } from "./session";

export type RouteAuth = { actor: Actor; denied?: undefined } | { actor?: undefined; denied: Response };

/**
 * For route handlers: `const auth = await requireRouteActor(request, "read", slug); if (auth.denied) return auth.denied;`
 * Denials are JSON `{ error }` with 401, 403 or 404; a POST, PUT, PATCH or DELETE sent from another
 * origin is a 403 (CSRF, see assertSameOrigin).
 */
export async function requireRouteActor(request: Request, permission: Permission, dataset?: DatasetRef): Promise<RouteAuth> {
  try {
    assertSameOrigin(request);
    return { actor: await requireActor(permission, dataset, request.headers) };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { denied: errorResponse(e) };
  }
}
