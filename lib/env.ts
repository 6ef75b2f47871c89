import { describeIssues } from "@/lib/errors";
import { z } from "zod";

// The only reader of process.env (lint bans it elsewhere).
const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  CM_DATA_DIR: z.string().min(1).default(".data"),
  /** Where export snapshots are kept; unset: `<CM_DATA_DIR>/exports`. */
  CM_EXPORT_DIR: z.string().min(1).optional(),
  CM_DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  CM_UPLOAD_LIMIT_MB: z.coerce.number().positive().default(2048),
  /** Rejected records an import with --skip-invalid may write (count and size); past either it fails. */
  CM_REJECTS_MAX_LINES: z.coerce.number().int().positive().default(10_000),
  CM_REJECTS_MAX_MB: z.coerce.number().positive().default(64),
  /** How long the rejects of an upload stay downloadable on the server. */
  CM_REJECTS_KEEP_HOURS: z.coerce.number().positive().default(24),
  CM_SEED_DEMO: z.enum(["0", "1"]).default("1"),
  CM_WORKER: z.enum(["0", "1"]).default("1"),
  /** A job holder silent this long (ms) is taken for dead and its work resumed; unset: each job table's default. */
  CM_JOB_HEARTBEAT_LAPSE_MS: z.coerce.number().int().positive().optional(),
  /** Groups a chunked run commits per transaction (chunk slices, finishing steps); unset: whole chunks on Postgres, sized by time on PGlite. */
  CM_JOB_TRANSACTION_GROUPS: z.coerce.number().int().positive().optional(),
  /** Threads that score a select run in each process (0 = the calling thread); unset: one per core. */
  CM_SELECT_THREADS: z.coerce.number().int().min(0).max(256).optional(),
  /** Threads that encode a Parquet export's row groups (0 = the calling thread); unset: 1. */
  CM_EXPORT_THREADS: z.coerce.number().int().min(0).max(16).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_API_KEY: z.string().optional(),
  CM_GENERATION_MODEL: z.string().optional(),
  CM_EMBEDDING_MODEL: z.string().optional(),
  /** The CLI talks to this server's REST API (with CM_API_TOKEN) instead of opening the database. */
  CM_SERVER_URL: z.string().url("CM_SERVER_URL must be a URL such as https://cm-align.lab.example").optional(),
  CM_API_TOKEN: z.string().optional(),
  /** Signs session cookies; unset: generated once and kept in `<CM_DATA_DIR>/auth-secret`. */
  CM_AUTH_SECRET: z.string().min(32, "CM_AUTH_SECRET must be at least 32 characters").optional(),
  /** The app's public URL (e.g. https://align.lab.example); https makes session cookies Secure. */
  CM_AUTH_URL: z.string().url().optional(),
  /** Sign-in attempts allowed per client IP per minute. */
  CM_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Failed sign-ins allowed per account (email) per 15 minutes, from any number of addresses. */
  CM_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDR ranges);
   * unset: none, the client is the connection's peer address.
   */
  CM_TRUSTED_PROXIES: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type TEnv = z.infer<typeof ZEnv>;

export function env(): TEnv {
  // An empty variable (DATABASE_URL= in a shell or a .env file) counts as unset.
  const set = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = ZEnv.safeParse(set);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error, "environment");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** For entry points (dev server, CLI) that hand a resolved database URL to the code they start. */
export function setDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
}
