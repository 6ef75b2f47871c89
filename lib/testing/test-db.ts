import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { closeDatabase, getDatabase, type Database } from "@/lib/db/client";
import { embeddedUrl, servePGlite } from "@/lib/db/embedded";
import { newSecret } from "@/lib/db/pglite-auth";
import { setDatabaseUrl } from "@/lib/env";
import { emptyPGliteDump } from "./pglite-template";

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
  const served = await servePGlite(null, secret, await emptyPGliteDump());
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

/**
 * What `create` makes, for the test file that calls this at its top: made before its tests (in a
 * `beforeAll` registered first, so later hooks may use it) and dropped after them. Read its fields
 * inside hooks and tests; before the first hook there is nothing yet.
 */
function forThisFile<T extends { drop(): Promise<void> }>(create: () => Promise<T>): T {
  let current: T | null = null;
  beforeAll(async () => {
    current = await create();
  });
  afterAll(async () => current?.drop());
  return new Proxy({} as T, {
    get(_, field) {
      if (current === null) throw new Error("the test database is made in beforeAll: read it inside hooks and tests");
      return Reflect.get(current, field);
    },
  });
}

/** A fresh database for the test file that calls this at its top (see forThisFile). */
export const databaseForThisFile = (kind?: TestDatabaseKind): TestDatabase => forThisFile(() => createTestDatabase(kind));

export type ExportTestDatabase = TestDatabase & { work: string; exportRoot: string };

/**
 * A fresh database and a temporary folder `work` (named from `prefix`) whose `snapshots` folder is the
 * export root (CM_EXPORT_DIR), for the test file that calls this at its top (see forThisFile).
 */
export function exportDatabaseForThisFile(prefix: string): ExportTestDatabase {
  return forThisFile(async () => {
    const work = await mkdtemp(join(tmpdir(), prefix));
    const exportRoot = join(work, "snapshots");
    process.env.CM_EXPORT_DIR = exportRoot;
    const t = await createTestDatabase();
    return {
      ...t,
      work,
      exportRoot,
      async drop() {
        await t.drop();
        await rm(work, { recursive: true, force: true });
      },
    };
  });
}
