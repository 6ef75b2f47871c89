import { readFileSync } from "node:fs";
import { getDMMF } from "@prisma/get-dmmf";
import { describe, expect, it } from "vitest";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { actualCatalog, diffCatalogs, expectedCatalog, type SchemaDatamodel } from "./schema-drift";
import { migrationState, readMigrations } from "./migrations";

const SCHEMA = readFileSync("prisma/schema.prisma", "utf8");

function datamodelOf(schema: string): SchemaDatamodel {
  const dmmf = getDMMF({ datamodel: schema });
  if ("error" in dmmf) throw new Error(String(dmmf.error));
  return dmmf.datamodel as unknown as SchemaDatamodel;
}

const t = databaseForThisFile();

describe("migrations versus prisma/schema.prisma", () => {
  it("produce exactly the tables, columns, types, nullability and indexes the schema declares", async () => {
    const expected = expectedCatalog(datamodelOf(SCHEMA));
    expect(expected.columns.length).toBeGreaterThan(100);
    expect(diffCatalogs(expected, await actualCatalog(t.db.pool))).toEqual([]);
  });

  it("reports a column added to the schema without a migration", async () => {
    const drifted = SCHEMA.replace('  guidelines    String   @default("")', '  guidelines    String   @default("")\n  owner String?');
    expect(drifted).not.toBe(SCHEMA);
    const diff = diffCatalogs(expectedCatalog(datamodelOf(drifted)), await actualCatalog(t.db.pool));
    expect(diff).toEqual(["missing in database: column datasets.owner text NULL"]);
  });

  it("reports an index the migrations created that the schema no longer declares", async () => {
    const drifted = SCHEMA.replace('  @@index([userId], map: "api_tokens_user_idx")\n', "");
    const diff = diffCatalogs(expectedCatalog(datamodelOf(drifted)), await actualCatalog(t.db.pool));
    expect(diff).toEqual(["not in schema: index api_tokens.api_tokens_user_idx (user_id)"]);
  });

  it("records every migration in _prisma_migrations with Prisma's sha256 checksum", async () => {
    const migrations = readMigrations();
    const { rows } = await t.db.pool.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })));
    expect(await migrationState(t.db.pool)).toEqual({ applied: migrations.map((m) => m.name), pending: [] });
  });
});
