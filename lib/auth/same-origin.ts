import { env } from "@/lib/env";
import { forbidden } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_ORIGIN_REFUSED = "Cross-origin request refused: this action is accepted only from the app's own pages.";

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * The CSRF check of every cookie-authenticated state-changing route handler, like Next's own check
 * of server actions: the `Origin` a browser sends must name the host the request came to (its `Host`
 * header) or CM_AUTH_URL's. Without an `Origin`, a browser's `Sec-Fetch-Site` must not say another
 * site sent it. Throws FORBIDDEN otherwise; GET, HEAD and OPTIONS pass. Requests with an API token
 * carry no ambient credential and are not checked (see actorFromRequest).
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    if (site === null || site === "same-origin" || site === "none") return;
    throw forbidden(CROSS_ORIGIN_REFUSED);
  }
  const host = hostOf(origin);
  const allowed = [request.headers.get("host") ?? new URL(request.url).host];
  const appUrl = env().CM_AUTH_URL;
  if (appUrl) allowed.push(new URL(appUrl).host);
  if (host === null || !allowed.includes(host)) throw forbidden(CROSS_ORIGIN_REFUSED);
}
