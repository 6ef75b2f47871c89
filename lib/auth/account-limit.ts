import type { Pool } from "pg";
import { z } from "zod";
import { execute, queryMaybeOne, sql } from "@/lib/db/sql";

/** The per-account window: CM_LOGIN_FAILURES_PER_ACCOUNT failed sign-ins per this many seconds. */
export const ACCOUNT_WINDOW_SECONDS = 15 * 60;

const key = (email: string) => email.trim().toLowerCase();

/**
 * Seconds until the account may be tried again, or null when it may now: `max` failed sign-ins within
 * the window lock it (from every address alike) until the window that began with the first ends.
 */
export async function accountLockedFor(pool: Pool, email: string, max: number): Promise<number | null> {
  const found = await queryMaybeOne(
    pool,
    sql`SELECT ceil(extract(epoch FROM window_start + make_interval(secs => ${ACCOUNT_WINDOW_SECONDS}) - now()))::int AS wait
          FROM sign_in_failures
         WHERE email = ${key(email)} AND failures >= ${max} AND window_start > now() - make_interval(secs => ${ACCOUNT_WINDOW_SECONDS})`,
    z.object({ wait: z.number() }),
  );
  const wait = found?.wait;
  return wait === undefined ? null : Math.max(1, wait);
}

/** Counts one failed sign-in for the account (a new window when the last one is over). */
export async function recordSignInFailure(pool: Pool, email: string): Promise<void> {
  const inWindow = sql`sign_in_failures.window_start > now() - make_interval(secs => ${ACCOUNT_WINDOW_SECONDS})`;
  await execute(
    pool,
    sql`INSERT INTO sign_in_failures (email, failures, window_start) VALUES (${key(email)}, 1, now())
        ON CONFLICT (email) DO UPDATE SET
          failures = CASE WHEN ${inWindow} THEN sign_in_failures.failures + 1 ELSE 1 END,
          window_start = CASE WHEN ${inWindow} THEN sign_in_failures.window_start ELSE now() END`,
  );
}

/** A successful sign-in clears the account's failures. */
export async function clearSignInFailures(pool: Pool, email: string): Promise<void> {
  await execute(pool, sql`DELETE FROM sign_in_failures WHERE email = ${key(email)}`);
}
