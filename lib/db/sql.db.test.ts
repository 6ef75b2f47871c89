import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { execute, join, queryMaybeOne, queryOne, queryRows, sql } from "./sql";
import { withTransaction } from "./transaction";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.pool.query(`CREATE TABLE sql_layer_probe (id int PRIMARY KEY, name text NOT NULL)`);
});
afterAll(() => t.drop());

const ZProbe = z.object({ id: z.number(), name: z.string() });
const names = async () => (await queryRows(t.db.pool, sql`SELECT id, name FROM sql_layer_probe ORDER BY id`, ZProbe)).map((r) => r.name);

describe("sql", () => {
  it("binds values in the order they are written and composes fragments", async () => {
    const rows = [sql`(${1}, ${"one"})`, sql`(${2}, ${"two"})`];
    expect(await execute(t.db.pool, sql`INSERT INTO sql_layer_probe (id, name) VALUES ${join(rows)}`)).toBe(2);
    const q = sql`SELECT id, name FROM sql_layer_probe WHERE name = ${"two"} AND id > ${0}`;
    expect(q.text).toBe("SELECT id, name FROM sql_layer_probe WHERE name = $1 AND id > $2");
    expect(await queryOne(t.db.pool, q, ZProbe)).toEqual({ id: 2, name: "two" });
    expect(await queryMaybeOne(t.db.pool, sql`SELECT id, name FROM sql_layer_probe WHERE id = ${99}`, ZProbe)).toBeNull();
    await execute(t.db.pool, sql`DELETE FROM sql_layer_probe`);
  });

  it("refuses a row that does not decode", async () => {
    await expect(queryRows(t.db.pool, sql`SELECT 1 AS id, NULL::text AS name`, ZProbe)).rejects.toThrow(/name/);
  });
});

describe("withTransaction", () => {
  it("commits what the function wrote", async () => {
    const out = await withTransaction(t.db, async (tx) => {
      await execute(tx, sql`INSERT INTO sql_layer_probe VALUES (${10}, ${"kept"})`);
      return "done";
    });
    expect(out).toBe("done");
    expect(await names()).toEqual(["kept"]);
  });

  it("rolls back everything when the function throws, and rethrows", async () => {
    await expect(
      withTransaction(t.db, async (tx) => {
        await execute(tx, sql`INSERT INTO sql_layer_probe VALUES (${11}, ${"lost"})`);
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await names()).toEqual(["kept"]);
  });

  it("does not report success for a transaction a swallowed error aborted", async () => {
    await expect(
      withTransaction(t.db, async (tx) => {
        await execute(tx, sql`INSERT INTO sql_layer_probe VALUES (${12}, ${"lost too"})`);
        await execute(tx, sql`INSERT INTO sql_layer_probe VALUES (${10}, ${"duplicate"})`).catch(() => {});
      }),
    ).rejects.toThrow(/rolled back/);
    expect(await names()).toEqual(["kept"]);
  });

  it("runs read-only at the isolation level asked for", async () => {
    const level = await withTransaction(
      t.db,
      async (tx) => (await queryOne(tx, sql`SELECT current_setting('transaction_isolation') AS v`, z.object({ v: z.string() }))).v,
      { isolation: "repeatable read", readOnly: true },
    );
    expect(level).toBe("repeatable read");
    await expect(
      withTransaction(t.db, (tx) => execute(tx, sql`INSERT INTO sql_layer_probe VALUES (${13}, ${"x"})`), { readOnly: true }),
    ).rejects.toThrow(/read-only/);
  });
});
