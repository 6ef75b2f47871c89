import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { datasetSnapshot, loadLeftovers } from "@/lib/testing/dataset-snapshot";
import { killMidway, spawnWorker, stopGracefully, waitFor } from "@/lib/testing/kill-worker";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { importFile } from "./import-file";

const t = databaseForThisFile();

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
    await killMidway(t.url, ["lib/testing/crash-mid-append.ts", "crashed", file("more.jsonl", 3_000, "New")]);
    // On PGlite a batch of the append is in the tables, hidden; on Postgres its transaction was rolled back.
    expect(await datasetSnapshot(t.db.pool, "crashed")).toEqual(before);
    expect(await loadLeftovers(t.db.pool)).toMatchObject({ loads: t.kind === "pglite" ? 1 : 0 });

    const worker = spawnWorker(t.url);
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
