import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Pool, PoolClient } from "pg";
import { z } from "zod";
import { execute, type Queryable, queryOne, queryRows, sql } from "./sql";
import { AppError } from "@/lib/errors";

export const MIGRATIONS_DIR = join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

export type Migration = { name: string; sql: string; checksum: string };
export type MigrationState = { applied: string[]; pending: string[] };

// Same table and columns `prisma migrate deploy` creates, so Prisma's own tools agree with us.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const MIGRATION_LOCK_KEY = 72_707_369;

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const APPLIED = sql`FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

async function appliedRows(client: Queryable): Promise<Map<string, string>> {
  const rows = await queryRows(
    client,
    sql`SELECT migration_name, checksum ${APPLIED}`,
    z.object({ migration_name: z.string(), checksum: z.string() }),
  );
  return new Map(rows.map((r) => [r.migration_name, r.checksum]));
}

async function applyOne(client: PoolClient, m: Migration): Promise<void> {
  const id = randomUUID();
  await execute(
    client,
    sql`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
        VALUES (${id}, ${m.checksum}, ${m.name}, now(), 0)`,
  );
  // Not withTransaction: the migration must run on this connection, the one holding the advisory lock,
  // and its failure is logged on it after the rollback.
  try {
    await client.query("BEGIN");
    // As the session's own user: on PGlite the session runs as a reader role while an import load writes.
    await client.query("SET LOCAL ROLE NONE");
    await client.query(m.sql);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    await execute(client, sql`UPDATE "_prisma_migrations" SET logs = ${String(e)} WHERE id = ${id}`);
    throw new AppError("MIGRATION_MISMATCH", `Migration ${m.name} failed: ${(e as Error).message}`);
  }
  await execute(client, sql`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = ${id}`);
}

/** Applies every pending migration in order; safe to call from several processes at once. */
export async function migrate(pool: Pool, migrations = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  try {
    await execute(client, sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const applied = await appliedRows(client);
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.name);
      if (checksum === undefined) {
        await applyOne(client, m);
        done.push(m.name);
      } else if (checksum !== m.checksum) {
        throw new AppError(
          "MIGRATION_MISMATCH",
          `Migration ${m.name} was edited after it was applied (checksum differs); add a new migration instead.`,
        );
      }
    }
    return done;
  } finally {
    await execute(client, sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => {});
    client.release();
  }
}

export async function migrationState(pool: Pool, migrations = readMigrations()): Promise<MigrationState> {
  const table = await queryOne(
    pool,
    sql`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
    z.object({ exists: z.boolean() }),
  );
  const appliedNames = new Set<string>();
  if (table.exists) {
    const rows = await queryRows(pool, sql`SELECT migration_name ${APPLIED}`, z.object({ migration_name: z.string() }));
    for (const r of rows) appliedNames.add(r.migration_name);
  }
  return {
    applied: migrations.filter((m) => appliedNames.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !appliedNames.has(m.name)).map((m) => m.name),
  };
}
