import "server-only";
import type { Dataset } from "@/lib/datasets/queries";
import { errorResponse } from "@/lib/error-response";
import { isAppError } from "@/lib/errors";
import type { Actor } from "./actor";
import type { Permission } from "./roles";
import { assertSameOrigin } from "./same-origin";
import { requireActor, requireDatasetActor, type DatasetRef } from "./session";

export type RouteAuth<D = undefined> =
  | { actor: Actor; dataset: D; denied?: undefined }
  | { actor?: undefined; dataset?: undefined; denied: Response };

/**
 * For route handlers: `const auth = await requireRouteActor(request, "read", slug); if (auth.denied) return auth.denied;`
 * Given a slug, `auth.dataset` is the dataset it names (looked up once, for the handler to use).
 * Denials are JSON `{ error }` with 401, 403 or 404; a POST, PUT, PATCH or DELETE sent from another
 * origin is a 403 (CSRF, see assertSameOrigin).
 */
export async function requireRouteActor<R extends DatasetRef | undefined = undefined>(
  request: Request,
  permission: Permission,
  dataset?: R,
): Promise<RouteAuth<R extends string ? Dataset : undefined>> {
  type Granted = RouteAuth<R extends string ? Dataset : undefined>;
  try {
    assertSameOrigin(request);
    if (typeof dataset === "string") return (await requireDatasetActor(permission, dataset, request.headers)) as Granted;
    return { actor: await requireActor(permission, dataset, request.headers), dataset: undefined } as Granted;
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { denied: errorResponse(e) };
  }
}
