import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { isPGlite, writeRows, type Column } from "./write-rows";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const SPEC: Column[] = [
  { name: "s", type: "text" },
  { name: "b", type: "bytea" },
  { name: "n", type: "int" },
  { name: "j", type: "jsonb" },
  { name: "f", type: "bool" },
];
// Text Postgres can store: no NUL, no lone surrogates.
const text = fc
  .array(fc.oneof(fc.constantFrom("\\", "\t", "\n", "\r", "\\N", "\\x00", "x", "é", "字", "😀"), fc.string({ maxLength: 3 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join("").replaceAll("\0", ""));

it("rows come back exactly as written (COPY on Postgres, unnest on PGlite), whatever the text holds", async () => {
  const client = await t.db.pool.connect();
  try {
    const copy = !(await isPGlite(client));
    expect(copy).toBe(t.kind === "postgres");
    await client.query(`CREATE TABLE rt (s text, b bytea, n int, j jsonb, f bool)`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.option(text), fc.uint8Array({ maxLength: 8 }), fc.integer(), text, fc.boolean()), {
          minLength: 1,
          maxLength: 20,
        }),
        async (rows) => {
          await client.query(`TRUNCATE rt`);
          const columns = [
            rows.map((r) => r[0]),
            rows.map((r) => Buffer.from(r[1])),
            rows.map((r) => r[2]),
            rows.map((r) => JSON.stringify({ v: r[3] })),
            rows.map((r) => r[4]),
          ];
          expect(await writeRows(client, copy, "rt", SPEC, columns)).toBe(rows.length);
          const back = await client.query<{ s: string | null; b: Buffer; n: number; j: { v: string }; f: boolean }>(`SELECT * FROM rt`);
          expect(back.rows.map((r) => [r.s, [...r.b], r.n, r.j.v, r.f])).toEqual(rows.map((r) => [r[0], [...r[1]], r[2], r[3], r[4]]));
        },
      ),
      { numRuns: 30 },
    );
  } finally {
    client.release();
  }
});
