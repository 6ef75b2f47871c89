import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedUrl, servePGlite } from "./embedded";
import { newSecret } from "./pglite-auth";

let served: Awaited<ReturnType<typeof servePGlite>>;
let url: string;
const secret = newSecret();

beforeAll(async () => {
  served = await servePGlite(null, secret);
  url = embeddedUrl(served.port, secret);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("CREATE TABLE t (id serial PRIMARY KEY, v int NOT NULL)");
  await c.end();
}, 60_000);
afterAll(async () => served.stop());

async function clients(n: number): Promise<pg.Client[]> {
  const list = Array.from({ length: n }, () => new pg.Client({ connectionString: url }));
  await Promise.all(list.map((c) => c.connect()));
  return list;
}

describe("the wire port's secret", () => {
  const attempt = async (connectionString: string) => {
    const c = new pg.Client({ connectionString });
    try {
      await c.connect();
      return (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM t")).rows[0]!.n >= 0 ? "in" : "?";
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    } finally {
      await c.end().catch(() => {});
    }
  };

  it("refuses clients without it (no password, a wrong one, any user name) with invalid_password", async () => {
    const port = served.port;
    expect(await attempt(`postgresql://postgres@127.0.0.1:${port}/postgres`)).toBe("28P01");
    expect(await attempt(`postgresql://postgres:wrong@127.0.0.1:${port}/postgres`)).toBe("28P01");
    expect(await attempt(`postgresql://mallory:${secret.slice(0, -1)}@127.0.0.1:${port}/postgres`)).toBe("28P01");
    expect(await attempt(`postgresql://postgres:${secret}x@127.0.0.1:${port}/postgres`)).toBe("28P01");
  });

  it("lets clients with it in, and a refused client leaves the others undisturbed", async () => {
    const [a] = await clients(1);
    const refused = attempt(`postgresql://postgres:nope@127.0.0.1:${served.port}/postgres`);
    expect((await a!.query<{ v: number }>("SELECT 41 + 1 AS v")).rows[0]!.v).toBe(42);
    expect(await refused).toBe("28P01");
    expect(await attempt(url)).toBe("in");
    await a!.end();
  });
});

describe("PGlite served to many connections", () => {
  it("never mixes up the extended-protocol messages of concurrent connections", async () => {
    const cs = await clients(5);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 5, maxLength: 40 }), async (values) => {
        const results = await Promise.all(values.map((v, i) => cs[i % cs.length]!.query<{ v: number }>("SELECT $1::int AS v", [v])));
        expect(results.map((r) => r.rows[0]!.v)).toEqual(values);
      }),
      { numRuns: 20 },
    );
    await Promise.all(cs.map((c) => c.end()));
  });

  it("gives a transaction the database until it commits, so others never see its uncommitted rows", async () => {
    const [a, b] = await clients(2);
    await a!.query("BEGIN");
    await a!.query("INSERT INTO t (v) VALUES (1)");
    const seenByB = b!.query<{ n: number }>("SELECT count(*)::int AS n FROM t WHERE v = 1");
    await a!.query("INSERT INTO t (v) VALUES (1)");
    await a!.query("ROLLBACK");
    expect((await seenByB).rows[0]!.n).toBe(0);
    await Promise.all([a!.end(), b!.end()]);
  });

  it("rolls back the open transaction of a connection that disappears", async () => {
    const [a, b] = await clients(2);
    await a!.query("BEGIN");
    await a!.query("INSERT INTO t (v) VALUES (2)");
    const seenByB = b!.query<{ n: number }>("SELECT count(*)::int AS n FROM t WHERE v = 2");
    a!.on("error", () => {});
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await seenByB).rows[0]!.n).toBe(0);
    await b!.end();
  });
});
