import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CARD_TAGS } from "./dataset-card";
import { OPENRLHF_FLAGS } from "./openrlhf-readme";
import { RECORD_SCHEMAS, ZLlamaFactoryDatasetInfo } from "./schemas";
import { exportFixture, FIXTURE_LANGUAGES, FIXTURE_PAIRS, readRecords, tempDir } from "@/lib/testing/export-formats";
import type { ExportPair } from "./types";

const withoutSystem: ExportPair[] = FIXTURE_PAIRS.map((p) => ({ ...p, system: null }));

async function exportDir(format: "llama-factory" | "llama-factory-sharegpt" | "openrlhf" | "parquet", rows = FIXTURE_PAIRS, split = true) {
  const out = path.join(await tempDir(), "out");
  const runConfig = { scorer: "embedding", margin: 0.05, languageGuard: true };
  const manifest = await exportFixture(out, format, { rows, runConfig, ...(split ? { split: { testFraction: 0.5, seed: 5 } } : {}) });
  return { out, manifest };
}

describe("LLaMA-Factory dataset_info.json", () => {
  it.each(["llama-factory", "llama-factory-sharegpt"] as const)("%s: every entry names a written file of its flavour", async (format) => {
    const { out, manifest } = await exportDir(format);
    const info = ZLlamaFactoryDatasetInfo.parse(JSON.parse(await readFile(path.join(out, "dataset_info.json"), "utf8")));
    expect(Object.keys(info)).toEqual(["spiders", "spiders_test"]);
    expect(Object.values(info).map((e) => e.file_name)).toEqual(["train.json", "test.json"]);
    for (const entry of Object.values(info)) {
      expect(manifest.files.some((f) => f.path === entry.file_name)).toBe(true);
      expect(entry.ranking).toBe(true);
      expect(entry.formatting).toBe(format === "llama-factory" ? undefined : "sharegpt");
      for (const record of await readRecords(path.join(out, entry.file_name))) {
        const parsed = RECORD_SCHEMAS[format].parse(record) as Record<string, unknown>;
        for (const column of Object.values(entry.columns)) {
          if (column !== "system") expect(parsed).toHaveProperty(column);
        }
      }
    }
    expect(Object.values(info)[0]?.columns).toHaveProperty("system", "system");
  });

  it("maps no system column when no record has one", async () => {
    const { out } = await exportDir("llama-factory", withoutSystem, false);
    const info = ZLlamaFactoryDatasetInfo.parse(JSON.parse(await readFile(path.join(out, "dataset_info.json"), "utf8")));
    expect(info).toEqual({
      spiders: {
        file_name: "train.json",
        ranking: true,
        columns: { prompt: "instruction", query: "input", chosen: "chosen", rejected: "rejected" },
      },
    });
  });
});

describe("OpenRLHF README", () => {
  it("states the record form and every flag", async () => {
    const { out } = await exportDir("openrlhf");
    const readme = await readFile(path.join(out, "README.md"), "utf8");
    for (const flag of OPENRLHF_FLAGS) expect(readme).toContain(flag);
    expect(readme).toContain("--data.dataset PATH_TO_EXPORT/train.jsonl");
    expect(readme).toMatch(/explicit prompt/i);
  });
});

/** Just enough YAML reading for the front matter this module writes. */
function frontMatter(card: string): string {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(card);
  if (!match?.[1]) throw new Error("no front matter");
  return match[1];
}

function listUnder(yaml: string, key: string): string[] {
  const block = new RegExp(`^${key}:\\n((?:  - .*\\n?)+)`, "m").exec(yaml)?.[1] ?? "";
  return block
    .split("\n")
    .filter(Boolean)
    .map((line) => line.replace(/^  - /, "").replace(/^"(.*)"$/, "$1"));
}

describe("Hugging Face dataset card", () => {
  it("lists languages, tags, and one config per language with its data files and counts", async () => {
    const { out, manifest } = await exportDir("parquet");
    const yaml = frontMatter(await readFile(path.join(out, "README.md"), "utf8"));
    expect(listUnder(yaml, "language")).toEqual([...FIXTURE_LANGUAGES]);
    expect(listUnder(yaml, "tags")).toEqual([...CARD_TAGS]);
    // `no` (Norwegian) must stay a string for YAML 1.1 readers.
    expect(yaml).toContain('  - config_name: "no"');

    const configNames = [...yaml.matchAll(/^ {2}- config_name: "?([^"\n]+)"?$/gm)].map((m) => m[1]);
    expect(configNames).toEqual([...FIXTURE_LANGUAGES, ...FIXTURE_LANGUAGES]); // configs, then dataset_info
    const dataPaths = [...yaml.matchAll(/^ {8}path: (\S+)$/gm)].map((m) => m[1]);
    const expectedPaths = FIXTURE_LANGUAGES.flatMap((l) => [
      `data/${l}/train-00000-of-00001.parquet`,
      `data/${l}/test-00000-of-00001.parquet`,
    ]);
    expect(dataPaths).toEqual(expectedPaths);
    for (const p of expectedPaths) expect(manifest.files.map((f) => f.path)).toContain(p);
    const examples = [...yaml.matchAll(/^ {8}num_examples: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(examples).toEqual(FIXTURE_LANGUAGES.flatMap((l) => [manifest.counts[l]!.train, manifest.counts[l]!.test]));
    for (const feature of ["prompt", "chosen", "rejected", "prompt_id", "lang"]) {
      expect(yaml).toContain(`      - name: ${feature}\n        dtype: string`);
    }
    for (const feature of ["score_chosen", "score_rejected", "margin"]) {
      expect(yaml).toContain(`      - name: ${feature}\n        dtype: float64`);
    }
  });

  it("explains the method and quotes the run configuration", async () => {
    const { out } = await exportDir("parquet", FIXTURE_PAIRS, false);
    const card = await readFile(path.join(out, "README.md"), "utf8");
    expect(card).toContain("## How the pairs were made");
    expect(card).toMatch(/English reference/);
    expect(card).toMatch(/Language guard/);
    expect(card).toContain('"margin": 0.05');
    expect(frontMatter(card)).not.toContain("split: test");
  });
});
