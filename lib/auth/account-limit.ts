import type { Pool } from "pg";

/** The per-account window: CM_LOGIN_FAILURES_PER_ACCOUNT failed sign-ins per this many seconds. */
export const ACCOUNT_WINDOW_SECONDS = 15 * 60;

const key = (email: string) => email.trim().toLowerCase();

/**
 * Seconds until the account may be tried again, or null when it may now: `max` failed sign-ins within
 * the window lock it (from every address alike) until the window that began with the first ends.
 */
export async function accountLockedFor(pool: Pool, email: string, max: number): Promise<number | null> {
  const { rows } = await pool.query<{ wait: number }>(
    `SELECT ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS wait
       FROM sign_in_failures WHERE email = $1 AND failures >= $3 AND window_start > now() - make_interval(secs => $2)`,
    [key(email), ACCOUNT_WINDOW_SECONDS, max],
  );
  const wait = rows[0]?.wait;
  return wait === undefined ? null : Math.max(1, wait);
}

/** Counts one failed sign-in for the account (a new window when the last one is over). */
export async function recordSignInFailure(pool: Pool, email: string): Promise<void> {
  await pool.query(
    `INSERT INTO sign_in_failures (email, failures, window_start) VALUES ($1, 1, now())
     ON CONFLICT (email) DO UPDATE SET
       failures = CASE WHEN sign_in_failures.window_start > now() - make_interval(secs => $2) THEN sign_in_failures.failures + 1 ELSE 1 END,
       window_start = CASE WHEN sign_in_failures.window_start > now() - make_interval(secs => $2) THEN sign_in_failures.window_start ELSE now() END`,
    [key(email), ACCOUNT_WINDOW_SECONDS],
  );
}

/** A successful sign-in clears the account's failures. */
export async function clearSignInFailures(pool: Pool, email: string): Promise<void> {
  await pool.query(`DELETE FROM sign_in_failures WHERE email = $1`, [key(email)]);
}
