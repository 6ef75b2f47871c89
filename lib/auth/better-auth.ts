import "server-only";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { getDatabase } from "@/lib/db/client";
import { execute, sql } from "@/lib/db/sql";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "./client-ip";
import { authSecret } from "./secret";

export const SESSION_DAYS = 7;
export const ACCOUNT_DISABLED = "This account is disabled; ask an admin.";

function sameOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  return `${url.protocol}//${host}`;
}

function createAuth(pool: import("pg").Pool) {
  const e = env();
  return betterAuth({
    appName: "CM-Align Studio",
    basePath: "/api/auth",
    baseURL: e.CM_AUTH_URL,
    secret: authSecret(),
    database: pool,
    // Same-origin only (like Next's server-action check): the Origin must name the host the request
    // came to. With CM_AUTH_URL set, better-auth trusts that origin as well.
    trustedOrigins: (request) => (request ? [sameOrigin(request)] : []),
    telemetry: { enabled: false },
    logger: { level: "error" },
    emailAndPassword: {
      enabled: true,
      // Admins create accounts (Users page); nobody signs up alone.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
    },
    user: {
      modelName: "users",
      fields: { emailVerified: "email_verified", createdAt: "created_at", updatedAt: "updated_at" },
      additionalFields: {
        role: { type: "string", required: false, input: false, defaultValue: "reviewer" },
        mustChangePassword: { type: "boolean", required: false, input: false, defaultValue: false, fieldName: "must_change_password" },
      },
      changeEmail: { enabled: false },
    },
    session: {
      modelName: "auth_sessions",
      fields: {
        expiresAt: "expires_at",
        createdAt: "created_at",
        updatedAt: "updated_at",
        ipAddress: "ip_address",
        userAgent: "user_agent",
        userId: "user_id",
      },
      expiresIn: SESSION_DAYS * 24 * 3600,
      updateAge: 24 * 3600,
    },
    account: {
      modelName: "auth_accounts",
      fields: {
        accountId: "account_id",
        providerId: "provider_id",
        userId: "user_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
        createdAt: "created_at",
        updatedAt: "updated_at",
      },
    },
    verification: {
      modelName: "auth_verifications",
      fields: { expiresAt: "expires_at", createdAt: "created_at", updatedAt: "updated_at" },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "auth_rate_limits",
      fields: { lastRequest: "last_request" },
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: e.CM_LOGIN_ATTEMPTS_PER_MINUTE },
        "/change-password": { window: 60, max: e.CM_LOGIN_ATTEMPTS_PER_MINUTE },
      },
    },
    advanced: {
      database: { generateId: "serial" },
      // better-auth skips the origin check under NODE_ENV=test; keep it on so tests exercise it.
      disableOriginCheck: false,
      // The address scripts/next-server.ts resolved from the socket (never a client's X-Forwarded-For
      // unless it came through a proxy in CM_TRUSTED_PROXIES).
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: e.CM_AUTH_URL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    databaseHooks: {
      session: {
        create: {
          // Runs once the password was right: a disabled account gets no session.
          async before(session) {
            const disabled = await execute(pool, sql`SELECT 1 FROM users WHERE id = ${Number(session.userId)} AND disabled_at IS NOT NULL`);
            if (disabled > 0) throw new APIError("FORBIDDEN", { message: ACCOUNT_DISABLED });
          },
        },
      },
      account: {
        update: {
          // Any password change through better-auth lifts the "change it on first sign-in" flag.
          async after(account) {
            if (account.providerId !== "credential" || !account.password) return;
            await execute(pool, sql`UPDATE users SET must_change_password = false WHERE id = ${Number(account.userId)}`);
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

type Holder = { auth?: Promise<Auth> };
const holder: Holder = ((globalThis as { __cmAlignAuth?: Holder }).__cmAlignAuth ??= {});

/** The process-wide better-auth instance on the app's own pool (PGlite or Postgres alike). */
export function getAuth(): Promise<Auth> {
  holder.auth ??= getDatabase().then((db) => createAuth(db.pool));
  return holder.auth;
}

/** Tests close and reopen the database between files; the next getAuth() binds to the new pool. */
export function forgetAuth(): void {
  holder.auth = undefined;
}
