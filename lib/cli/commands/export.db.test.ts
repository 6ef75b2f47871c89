import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildExportFixture } from "@/lib/testing/export-fixture";
import { databaseExportDir } from "@/lib/export/snapshots/location";
import { runCliCaptured } from "@/lib/testing/cli";
import { exportDatabaseForThisFile } from "@/lib/testing/test-db";

const t = exportDatabaseForThisFile("cm-cli-export-");

beforeAll(async () => {
  await buildExportFixture(t.db, "cli-exp");
});

/** `cm export` of the fixture dataset in `format` to `out`, with more flags. */
const exportTo = (format: string, out: string, ...flags: string[]) =>
  runCliCaptured(["export", "--dataset", "cli-exp", "--format", format, "--out", out, ...flags]);

describe("cli export", () => {
  it("rejects an unknown format as a usage error that lists the formats", async () => {
    const r = await exportTo("csv", path.join(t.work, "x.jsonl"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "option '--format <fmt>' argument 'csv' is invalid. Allowed choices are trl, trl-chat, llama-factory, llama-factory-sharegpt, openrlhf, cm-align, parquet.",
    );
  });

  it("rejects bad input with exit 1 and a message naming the flag", async () => {
    const lang = await exportTo("trl", path.join(t.work, "y.jsonl"), "--langs", "fr");
    expect(lang.code).toBe(1);
    expect(lang.stderr).toContain('error: languages: "fr" is not a language of dataset cli-exp (ar, de, en, zh)');
    const out = await exportTo("trl", t.work);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`error: --out ${t.work} is a directory, but format trl without a split writes one file`);
  });

  it("writes the file --out names, records the snapshot and prints the summary", async () => {
    const out = path.join(t.work, "de.jsonl");
    const r = await exportTo("trl-chat", out, "--langs", "de", "--min-margin", "0.3", "--system", "Antworte auf Deutsch.", "--json");
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
    const storedPath = path.join(await databaseExportDir(t.db, t.exportRoot), String(summary.exportId), "train.jsonl");
    expect((await readFile(storedPath)).equals(bytes)).toBe(true);
    expect([(await stat(storedPath)).mode & 0o777, (await stat(out)).mode & 0o777]).toEqual([0o400, 0o644]);
    expect(r.stderr).toContain("export trl-chat");
  });

  it("writes a directory for a split export", async () => {
    const out = path.join(t.work, "lf");
    const r = await exportTo("llama-factory", out, "--test-split", "0.5", "--seed", "7", "--exclude-flagged", "--json");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { pairs: number; files: { path: string }[] };
    expect(summary.files.map((f) => f.path)).toEqual(["dataset_info.json", "test.json", "train.json"]);
    expect(summary.pairs).toBe(5);
    const info = JSON.parse(await readFile(path.join(out, "dataset_info.json"), "utf8")) as Record<string, { file_name: string }>;
    expect(Object.values(info).map((e) => e.file_name)).toEqual(["train.json", "test.json"]);
  });
});
