import { randomBytes } from "node:crypto";
import pg from "pg";
import { closeDatabase, getDatabase, type Database } from "@/lib/db/client";
import { embeddedUrl, servePGlite } from "@/lib/db/embedded";
import { newSecret } from "@/lib/db/pglite-auth";
import { setDatabaseUrl } from "@/lib/env";

export const TEST_POSTGRES = "postgresql://postgres@127.0.0.1:5432";

export type TestDatabaseKind = "postgres" | "pglite";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.CM_TEST_DB === "pglite" ? "pglite" : "postgres";
}

export type TestDatabase = { db: Database; kind: TestDatabaseKind; url: string; drop(): Promise<void> };

async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cm_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: `${TEST_POSTGRES}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: `${TEST_POSTGRES}/${name}`,
    async drop() {
      const c = new pg.Client({ connectionString: `${TEST_POSTGRES}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function createPGliteDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const secret = newSecret();
  const served = await servePGlite(null, secret);
  return { url: embeddedUrl(served.port, secret), drop: () => served.stop() };
}

/** A fresh, migrated database of its own for one test file; `drop()` removes it. */
export async function createTestDatabase(kind = testDatabaseKind()): Promise<TestDatabase> {
  const created = kind === "pglite" ? await createPGliteDatabase() : await createPostgresDatabase();
  setDatabaseUrl(created.url);
  const db = await getDatabase();
  return {
    db,
    kind,
    url: created.url,
    async drop() {
      await closeDatabase();
      await created.drop();
    },
  };
}
