import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetSnapshot, loadLeftovers } from "@/lib/testing/dataset-snapshot";
import { exited, killHard, spawnWorker, stopGracefully, TEST_LAPSE_MS, waitFor } from "@/lib/testing/kill-worker";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { importFile } from "./import-file";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const dir = mkdtempSync(join(tmpdir(), "cm-append-lapse-"));
function file(name: string, groups: number, text: string): string {
  const path = join(dir, name);
  const lines = Array.from({ length: groups }, (_, i) =>
    JSON.stringify({ id: `g${i}`, prompts: { en: `Question ${i}?` }, responses: { en: [`${text} ${i}a`, `${text} ${i}b`] } }),
  );
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("an append whose process is killed (kill -9) midway", () => {
  it("leaves the dataset as it was to every reader, and the worker removes its rows once its heartbeat lapsed", async () => {
    await importFile(t.db, { source: { path: file("base.jsonl", 100, "Old") }, datasetSlug: "crashed", create: { task: "general" } });
    const before = await datasetSnapshot(t.db.pool, "crashed");
    const cli = spawn("npx", ["tsx", "lib/testing/crash-mid-append.ts", "crashed", file("more.jsonl", 3_000, "New")], {
      env: { ...process.env, DATABASE_URL: t.url, CM_JOB_HEARTBEAT_LAPSE_MS: String(TEST_LAPSE_MS) },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    let out = "";
    cli.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    await waitFor(async () => out.includes("mid") || cli.exitCode !== null, Boolean);
    await killHard(cli);
    await exited(cli);
    // On PGlite a batch of the append is in the tables, hidden; on Postgres its transaction was rolled back.
    expect(await datasetSnapshot(t.db.pool, "crashed")).toEqual(before);
    expect(await loadLeftovers(t.db.pool)).toMatchObject({ loads: t.kind === "pglite" ? 1 : 0 });

    const worker = spawnWorker(t.url, { CM_JOB_HEARTBEAT_LAPSE_MS: String(TEST_LAPSE_MS) });
    try {
      await waitFor(
        () => loadLeftovers(t.db.pool),
        (left) => left.loads === 0,
      );
    } finally {
      await stopGracefully(worker);
    }
    expect(await datasetSnapshot(t.db.pool, "crashed")).toEqual(before);
    const { rows } = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM responses WHERE load_id IS NOT NULL`);
    expect(rows[0]!.n).toBe(0);
  }, 180_000);
});
