import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbedded, secretPath, type EmbeddedDatabase } from "./embedded";
import { lockPath, readLock } from "./embedded-lock";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "cm-embedded-"));
let first: EmbeddedDatabase;

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  chmodSync(dir, 0o777); // as a loose umask would have made it
  first = await openEmbedded(dir);
  await sql(first.url, "CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)");
  await sql(first.url, "INSERT INTO notes (body) VALUES ('from the owner')");
}, 60_000);
afterAll(async () => first?.close());

describe("one embedded data directory, several processes", () => {
  it("the first process owns the files and publishes its port in the lock file", () => {
    expect(first.owner).toBe(true);
    expect(readLock(dir)).toMatchObject({ pid: process.pid, port: expect.any(Number) });
  });

  it("is private to its user: the directory 0700, the secret and the lock file 0600, nothing in pgdata open to others", () => {
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    expect(mode(secretPath(dir))).toBe(0o600);
    expect(mode(lockPath(dir))).toBe(0o600);
    const loose = readdirSync(join(dir, "pgdata"), { recursive: true, encoding: "utf8" }).filter(
      (f) => (mode(join(dir, "pgdata", f)) & 0o077) !== 0,
    );
    expect(loose).toEqual([]);
  });

  it("answers only clients that present the secret from the data directory", async () => {
    const port = readLock(dir)!.port!;
    await expect(sql(`postgresql://postgres@127.0.0.1:${port}/postgres`, "SELECT 1")).rejects.toMatchObject({ code: "28P01" });
    await expect(sql(`postgresql://admin:admin@127.0.0.1:${port}/postgres`, "SELECT 1")).rejects.toMatchObject({ code: "28P01" });
  });

  it("a second process is routed through the owner instead of opening the files", async () => {
    const { stdout } = await run("npx", ["tsx", "lib/testing/open-embedded-child.ts", dir, "from the child"], { timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual({ owner: false, notes: ["from the owner", "from the child"] });
    const rows = await sql<{ body: string }>(first.url, "SELECT body FROM notes ORDER BY id");
    expect(rows.map((r) => r.body)).toEqual(["from the owner", "from the child"]);
  }, 60_000);

  it("a lock left by a dead process is taken over", async () => {
    const other = mkdtempSync(join(tmpdir(), "cm-embedded-stale-"));
    const dead = await run("node", ["-e", "process.stdout.write(String(process.pid))"]);
    writeFileSync(lockPath(other), JSON.stringify({ pid: Number(dead.stdout), port: 1, startedAt: "" }));
    const db = await openEmbedded(other);
    expect(db.owner).toBe(true);
    await db.close();
  }, 60_000);

  it("a live holder that does not answer gets a clear error naming the directory and the process", async () => {
    const other = mkdtempSync(join(tmpdir(), "cm-embedded-busy-"));
    writeFileSync(lockPath(other), JSON.stringify({ pid: process.ppid, port: null, startedAt: "" }));
    await expect(openEmbedded(other, { waitMs: 300 })).rejects.toThrow(
      `The embedded database in ${other} is held by process ${process.ppid}, which does not answer.`,
    );
  });
});
