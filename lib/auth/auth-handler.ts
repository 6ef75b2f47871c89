import "server-only";
import { getDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { accountLockedFor, clearSignInFailures, recordSignInFailure } from "./account-limit";
import { getAuth } from "./better-auth";

async function emailOf(request: Request): Promise<string | null> {
  try {
    const body = (await request.json()) as { email?: unknown };
    return typeof body.email === "string" && body.email.trim() !== "" ? body.email : null;
  } catch {
    return null;
  }
}

function tooMany(retryAfter: number): Response {
  return Response.json(
    { message: "Too many failed sign-ins for this account. Try again later." },
    { status: 429, headers: { "x-retry-after": String(retryAfter) } },
  );
}

/**
 * better-auth's endpoints (app/api/auth/[...all]). Sign-in is limited per client address by
 * better-auth and, here, per account: after CM_LOGIN_FAILURES_PER_ACCOUNT failures within 15 minutes
 * the account answers 429 to everyone, so rotating addresses cannot brute-force one password.
 */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const auth = await getAuth();
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/sign-in/email")) return auth.handler(request);
  const email = await emailOf(request.clone());
  if (email === null) return auth.handler(request);
  const { pool } = await getDatabase();
  const wait = await accountLockedFor(pool, email, env().CM_LOGIN_FAILURES_PER_ACCOUNT);
  if (wait !== null) return tooMany(wait);
  const response = await auth.handler(request);
  if (response.status === 401) await recordSignInFailure(pool, email);
  else if (response.ok) await clearSignInFailures(pool, email);
  return response;
}
