/**
 * The pages' Content-Security-Policy. Scripts run only with this request's nonce (Next.js puts it on
 * its own inline and chunk scripts); 'strict-dynamic' lets those load further chunks. Styles allow
 * inline because KaTeX, charts and React `style` attributes set them. Pure (used by proxy.ts).
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For JSON and file responses: nothing may load, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Paths reachable without a session. /api/v1 checks its bearer token in the route itself. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/login" ||
    pathname.startsWith("/api/auth/") ||
    pathname === "/api/health" ||
    pathname === "/api/v1" ||
    pathname.startsWith("/api/v1/")
  );
}
