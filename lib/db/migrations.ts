import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Pool, PoolClient } from "pg";
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

async function appliedRows(client: PoolClient): Promise<Map<string, string>> {
  const { rows } = await client.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(rows.map((r) => [r.migration_name, r.checksum]));
}

async function applyOne(client: PoolClient, m: Migration): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, m.checksum, m.name],
  );
  try {
    await client.query("BEGIN");
    await client.query(m.sql);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(e)]);
    throw new AppError("MIGRATION_MISMATCH", `Migration ${m.name} failed: ${(e as Error).message}`);
  }
  await client.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}

/** Applies every pending migration in order; safe to call from several processes at once. */
export async function migrate(pool: Pool, migrations = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
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
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

export async function migrationState(pool: Pool, migrations = readMigrations()): Promise<MigrationState> {
  const { rows } = await pool.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
  );
  const appliedNames = new Set<string>();
  if (rows[0]?.exists) {
    const res = await pool.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    for (const r of res.rows) appliedNames.add(r.migration_name);
  }
  return {
    applied: migrations.filter((m) => appliedNames.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !appliedNames.has(m.name)).map((m) => m.name),
  };
}
