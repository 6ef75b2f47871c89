import { request, type FullConfig } from "@playwright/test";
import pg from "pg";
import { createUser } from "../lib/auth/accounts";
import { embeddedUrl, readEmbeddedSecret } from "../lib/db/embedded";
import { readLock } from "../lib/db/embedded-lock";
import { E2E_DATA_DIR, E2E_PASSWORD, E2E_USERS, storageStateOf, type E2ERole } from "./auth-users";

/**
 * Runs once the test server is up: creates an admin, a reviewer and a viewer in its embedded
 * database and signs each in through the real sign-in endpoint, saving their cookies. Every spec
 * runs as the admin unless it picks another storage state.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts: use.baseURL is not set");
  const lock = readLock(E2E_DATA_DIR);
  if (!lock?.port) throw new Error(`No embedded database is being served from ${E2E_DATA_DIR} (is the web server up?)`);
  const pool = new pg.Pool({ connectionString: embeddedUrl(lock.port, readEmbeddedSecret(E2E_DATA_DIR)), max: 1 });
  try {
    for (const user of Object.values(E2E_USERS)) {
      const exists = await pool.query(`SELECT 1 FROM users WHERE email = $1`, [user.email]);
      if (!exists.rowCount) await createUser({ pool }, { ...user, password: E2E_PASSWORD });
    }
  } finally {
    await pool.end();
  }
  for (const [role, user] of Object.entries(E2E_USERS) as [E2ERole, (typeof E2E_USERS)[E2ERole]][]) {
    const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    const res = await ctx.post("/api/auth/sign-in/email", { data: { email: user.email, password: E2E_PASSWORD } });
    if (!res.ok()) throw new Error(`Signing in ${user.email} failed: ${res.status()} ${await res.text()}`);
    await ctx.storageState({ path: storageStateOf(role) });
    await ctx.dispose();
  }
}
