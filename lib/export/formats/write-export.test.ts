import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExportLayoutError, usesSingleFile } from "./layout";
import { exportFixture, FIXTURE_LANGUAGES, FIXTURE_PAIRS, readRecords, sha256OfFile, tempDir } from "@/lib/testing/export-formats";
import { EXPORT_FORMATS, type ExportFormat, type ExportPair } from "./types";
import { writeExport } from "./write-export";

const RUN_CONFIG = { scorer: "embedding", margin: 0, languageGuard: true, model: { name: "gte", dims: 768 } };

function exportTo(out: string, format: ExportFormat, split: boolean, rows: ExportPair[] = FIXTURE_PAIRS) {
  return exportFixture(out, format, { rows, runConfig: RUN_CONFIG, ...(split ? { split: { testFraction: 0.4, seed: 11 } } : {}) });
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])),
  );
  return nested.flat().sort();
}

describe.each(EXPORT_FORMATS)("writeExport %s", (format) => {
  it.each([false, true])("is byte-identical when run twice (split: %s) and the manifest hashes the real bytes", async (split) => {
    const name = usesSingleFile(format, split) ? "out.jsonl" : "out";
    const [a, b] = [path.join(await tempDir(), name), path.join(await tempDir(), name)];
    const first = await exportTo(a, format, split);
    const second = await exportTo(b, format, split);
    expect(second.files).toEqual(first.files);
    const root = first.layout === "file" ? path.dirname(a) : a;
    for (const file of first.files) {
      expect(await sha256OfFile(path.join(root, file.path))).toBe(file.sha256);
      expect((await stat(path.join(root, file.path))).size).toBe(file.bytes);
    }
    if (first.layout === "directory") expect(await listFiles(a)).toEqual(first.files.map((f) => f.path));
  });
});

describe("file layout", () => {
  it("writes one file at --out for single-file formats without a split", async () => {
    const dir = await tempDir();
    const manifest = await exportTo(path.join(dir, "nested", "pairs.jsonl"), "trl-chat", false);
    expect(manifest.layout).toBe("file");
    expect(manifest.files.map((f) => f.path)).toEqual(["pairs.jsonl"]);
    expect(await readdir(path.join(dir, "nested"))).toEqual(["pairs.jsonl"]);
  });

  it("writes a directory with train/test files and the format's extras", async () => {
    const dir = path.join(await tempDir(), "lf");
    const manifest = await exportTo(dir, "llama-factory", true);
    expect(manifest.files.map((f) => f.path)).toEqual(["dataset_info.json", "test.json", "train.json"]);
    const openrlhf = await exportTo(path.join(dir, "..", "orl"), "openrlhf", false);
    expect(openrlhf.files.map((f) => f.path)).toEqual(["README.md", "train.jsonl"]);
  });

  it("counts pairs per language and split, with the manifest rows matching", async () => {
    const manifest = await exportTo(await tempDir(), "cm-align", true);
    const perLanguage = Object.values(manifest.counts).reduce((n, c) => n + c.train + c.test, 0);
    const perFile = manifest.files.reduce((n, f) => n + f.rows, 0);
    expect(perLanguage).toBe(FIXTURE_PAIRS.length);
    expect(perFile).toBe(FIXTURE_PAIRS.length);
    expect(Object.keys(manifest.counts)).toEqual([...FIXTURE_LANGUAGES]);
  });

  it("refuses a directory where a file is expected, and the reverse", async () => {
    const dir = await tempDir();
    await expect(exportTo(dir, "trl", false)).rejects.toBeInstanceOf(ExportLayoutError);
    const file = path.join(dir, "taken.txt");
    await writeFile(file, "x");
    await expect(exportTo(file, "parquet", false)).rejects.toBeInstanceOf(ExportLayoutError);
  });

  it("fails on a pair in an undeclared language and leaves no partial files", async () => {
    const dir = path.join(await tempDir(), "bad");
    await mkdir(dir);
    const rows = [...FIXTURE_PAIRS, { ...FIXTURE_PAIRS[0]!, id: "px", lang: "fr" }];
    await expect(exportTo(dir, "openrlhf", false, rows)).rejects.toThrow(/"fr"/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("streams large exports through backpressure with the right counts", async () => {
    const big = "Ω".repeat(2_000);
    async function* rows(): AsyncGenerator<ExportPair> {
      for (let i = 0; i < 3_000; i++) {
        yield { ...FIXTURE_PAIRS[0]!, id: `p${i}`, groupKey: `g${i}`, lang: i % 2 ? "de" : "zh", chosen: `${i}${big}` };
      }
    }
    const out = path.join(await tempDir(), "big");
    const manifest = await writeExport({ rows: rows(), format: "llama-factory", out, datasetName: "big", languages: ["de", "zh"] });
    const records = await readRecords(path.join(out, "train.json"));
    expect(records).toHaveLength(3_000);
    expect((records[2_999] as { chosen: string }).chosen).toBe(`2999${big}`);
    expect(manifest.counts).toEqual({ de: { train: 1_500, test: 0 }, zh: { train: 1_500, test: 0 } });
  });
});
