import { afterAll, beforeAll } from "vitest";
import { handleAuthRequest } from "@/lib/auth/auth-handler";
import { forgetAuth } from "@/lib/auth/better-auth";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import type { Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "./test-db";

export const AUTH_ORIGIN = "http://127.0.0.1:3000";

/** A database of this test file's own (created before its tests, dropped after), with better-auth built on it. */
export function authTestDatabase(): { readonly db: Database } {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    forgetAuth();
  });
  afterAll(async () => {
    forgetAuth();
    await t?.drop();
  });
  return {
    get db() {
      if (t === undefined) throw new Error("the test database is created in beforeAll");
      return t.db;
    },
  };
}

/**
 * A same-origin POST to the auth route's handler, as the browser sends it, from client address `ip`
 * (as scripts/next-server.ts records it; `headers` may override it).
 */
export async function postAuth(path: string, body: unknown, ip: string, headers: Record<string, string> = {}): Promise<Response> {
  return handleAuthRequest(
    new Request(`${AUTH_ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: AUTH_ORIGIN, [CLIENT_IP_HEADER]: ip, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** The `name=value` of the session cookie a sign-in set. */
export function sessionCookie(res: Response): string {
  const cookies = res.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith("better-auth.session_token="));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return session.split(";")[0] ?? "";
}
