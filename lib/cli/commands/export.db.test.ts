import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExportFixture } from "@/lib/testing/export-fixture";
import { databaseExportDir } from "@/lib/export/snapshots/location";
import { runCliCaptured } from "@/lib/testing/cli";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

let t: TestDatabase;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "cm-cli-export-"));
  process.env.CM_EXPORT_DIR = path.join(work, "snapshots");
  t = await createTestDatabase();
  await buildExportFixture(t.db, "cli-exp");
});
afterAll(async () => {
  await t.drop();
  await rm(work, { recursive: true, force: true });
});

const cli = runCliCaptured;

describe("cli export", () => {
  it("rejects an unknown format as a usage error that lists the formats", async () => {
    const r = await cli(["export", "--dataset", "cli-exp", "--format", "csv", "--out", path.join(work, "x.jsonl")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "option '--format <fmt>' argument 'csv' is invalid. Allowed choices are trl, trl-chat, llama-factory, llama-factory-sharegpt, openrlhf, cm-align, parquet.",
    );
  });

  it("rejects bad input with exit 1 and a message naming the flag", async () => {
    const lang = await cli(["export", "--dataset", "cli-exp", "--format", "trl", "--out", path.join(work, "y.jsonl"), "--langs", "fr"]);
    expect(lang.code).toBe(1);
    expect(lang.stderr).toContain('error: languages: "fr" is not a language of dataset cli-exp (ar, de, en, zh)');
    const out = await cli(["export", "--dataset", "cli-exp", "--format", "trl", "--out", work]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`error: --out ${work} is a directory, but format trl without a split writes one file`);
  });

  it("writes the file --out names, records the snapshot and prints the summary", async () => {
    const out = path.join(work, "de.jsonl");
    const r = await cli([
      "export",
      "--dataset",
      "cli-exp",
      "--format",
      "trl-chat",
      "--out",
      out,
      "--langs",
      "de",
      "--min-margin",
      "0.3",
      "--system",
      "Antworte auf Deutsch.",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      exportId: number;
      pairs: number;
      counts: unknown;
      files: { path: string; sha256: string; rows: number }[];
    };
    const bytes = await readFile(out);
    expect(summary.pairs).toBe(3);
    expect(summary.counts).toEqual({ de: { train: 3, test: 0 } });
    expect(summary.files).toEqual([
      { path: "train.jsonl", sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length, rows: 3 },
    ]);
    const first = JSON.parse(bytes.toString("utf8").split("\n")[0]!) as unknown;
    expect(first).toEqual({
      prompt: [
        { role: "system", content: "Antworte auf Deutsch." },
        { role: "user", content: "Wie viele Beine hat eine Spinne?\nKurz bitte." },
      ],
      chosen: [{ role: "assistant", content: 'Acht Beine. "Genau" 🕷' }],
      rejected: [{ role: "assistant", content: "Sechs Beine." }],
    });
    const storedPath = path.join(await databaseExportDir(t.db, path.join(work, "snapshots")), String(summary.exportId), "train.jsonl");
    expect((await readFile(storedPath)).equals(bytes)).toBe(true);
    expect([(await stat(storedPath)).mode & 0o777, (await stat(out)).mode & 0o777]).toEqual([0o400, 0o644]);
    expect(r.stderr).toContain("export trl-chat");
  });

  it("writes a directory for a split export", async () => {
    const out = path.join(work, "lf");
    const r = await cli([
      "export",
      "--dataset",
      "cli-exp",
      "--format",
      "llama-factory",
      "--out",
      out,
      "--test-split",
      "0.5",
      "--seed",
      "7",
      "--exclude-flagged",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { pairs: number; files: { path: string }[] };
    expect(summary.files.map((f) => f.path)).toEqual(["dataset_info.json", "test.json", "train.json"]);
    expect(summary.pairs).toBe(5);
    const info = JSON.parse(await readFile(path.join(out, "dataset_info.json"), "utf8")) as Record<string, { file_name: string }>;
    expect(Object.values(info).map((e) => e.file_name)).toEqual(["train.json", "test.json"]);
  });
});
