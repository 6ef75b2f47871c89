import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isPublicPath } from "@/lib/auth/csp";
import { env } from "@/lib/env";

// Runs before every request: a fresh CSP nonce for pages, and anonymous requests turned away early
// (pages → /login, API → 401). Only the cookie's presence is checked here; every page, server action
// and route handler verifies the session and the role itself (lib/auth/session.ts).
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (!isPublicPath(pathname) && !getSessionCookie(request)) {
    if (isApi) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
    if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.json({ error: "Sign in first." }, { status: 401 });
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", pathname + search);
    return NextResponse.redirect(login);
  }
  if (isApi) return NextResponse.next();

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, env().NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

// Not the upload route (POST /api/datasets/<slug>/imports): Next buffers the body of every request
// the proxy sees, and only its first 10 MB (experimental.proxyClientMaxBodySize), so uploads would be
// cut. That route streams the body and checks the session itself, before reading it.
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/datasets/[^/]+/imports/?$).*)" }],
};
