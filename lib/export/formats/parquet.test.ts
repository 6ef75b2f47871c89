import path from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { SPILL_BYTES } from "./parquet-shard";
import { parquetRow, type ParquetRow } from "./records";
import { ZParquetRow } from "./schemas";
import { asyncRows, FIXTURE_LANGUAGES, FIXTURE_PAIRS, tempDir } from "@/lib/testing/export-formats";
import type { ExportPair, ParquetTuning } from "./types";
import { writeExport } from "./write-export";

async function readParquet(file: string) {
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const rows = await parquetReadObjects({ file: buffer, metadata });
  return { rows, metadata };
}

function manyPairs(count: number): ExportPair[] {
  const langs = ["de", "zh"];
  return Array.from({ length: count }, (_, i) => ({
    ...FIXTURE_PAIRS[i % FIXTURE_PAIRS.length]!,
    id: `p${i}`,
    groupKey: `g${Math.floor(i / 2)}`,
    promptId: `q${Math.floor(i / 2)}`,
    lang: langs[i % 2]!,
    chosen: `chosen ${i} ${"🕷".repeat(i % 7)}`,
    scoreChosen: i / count,
  }));
}

/** Exports manyPairs(count) as de/zh Parquet without a split; readLanguage reads one language's file back. */
async function exportManyPairs(count: number, datasetName: string, parquet: ParquetTuning) {
  const out = await tempDir();
  const pairs = manyPairs(count);
  await writeExport({ rows: asyncRows(pairs), format: "parquet", out, datasetName, languages: ["de", "zh"], parquet });
  const readLanguage = (lang: string) => readParquet(path.join(out, `data/${lang}/train-00000-of-00001.parquet`));
  return { pairs, readLanguage };
}

describe("parquet export", () => {
  it("reads back with hyparquet to exactly the exported rows, per language and split", async () => {
    const out = await tempDir();
    const manifest = await writeExport({
      rows: asyncRows(FIXTURE_PAIRS),
      format: "parquet",
      out,
      split: { testFraction: 0.5, seed: 3 },
      datasetName: "spiders",
      languages: [...FIXTURE_LANGUAGES],
    });
    const parquetFiles = manifest.files.filter((f) => f.path.endsWith(".parquet"));
    expect(parquetFiles).toHaveLength(FIXTURE_LANGUAGES.length * 2);

    const readBack: ParquetRow[] = [];
    for (const file of parquetFiles) {
      const { rows } = await readParquet(path.join(out, file.path));
      expect(rows).toHaveLength(file.rows);
      const [, lang, split] = /^data\/([^/]+)\/(train|test)-00000-of-00001\.parquet$/.exec(file.path) ?? [];
      for (const row of rows) {
        const parsed = ZParquetRow.parse(row);
        expect(parsed.lang).toBe(lang);
        readBack.push(parsed);
      }
      expect(manifest.counts[lang!]?.[split as "train" | "test"]).toBe(rows.length);
    }
    const expected = FIXTURE_PAIRS.map(parquetRow);
    const byId = (r: { prompt: string; lang: string }) => `${r.lang}:${r.prompt}`;
    expect(readBack.sort((a, b) => byId(a).localeCompare(byId(b)))).toEqual([...expected].sort((a, b) => byId(a).localeCompare(byId(b))));
  });

  it("writes bounded row groups and keeps the row order of each file", async () => {
    const { pairs, readLanguage } = await exportManyPairs(250, "many", { rowGroupRows: 40 });
    const { rows, metadata } = await readLanguage("de");
    expect(rows.map((r) => r.chosen)).toEqual(pairs.filter((p) => p.lang === "de").map((p) => p.chosen));
    expect(metadata.row_groups.map((g) => Number(g.num_rows))).toEqual([40, 40, 40, 5]);
  });

  it("flushes the largest buffer early when the shared memory budget is exceeded", async () => {
    const { readLanguage } = await exportManyPairs(100, "budget", { rowGroupRows: 1000, bufferBudgetBytes: 2_000 });
    const { rows, metadata } = await readLanguage("zh");
    expect(rows).toHaveLength(50);
    expect(metadata.row_groups.length).toBeGreaterThan(1);
    expect(metadata.row_groups.every((g) => Number(g.num_rows) < 50)).toBe(true);
  });

  it("writes row groups larger than the writer's buffer in pieces that read back exactly", async () => {
    // Letters from a fixed xorshift barely compress: each row group of 3 rows is ~1.2 MB, past SPILL_BYTES.
    let seed = 7;
    const letters = (n: number) => {
      const bytes = Buffer.alloc(n);
      for (let i = 0; i < n; i++) {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        bytes[i] = 97 + ((seed >>> 0) % 26);
      }
      return bytes.toString("latin1");
    };
    const pairs = manyPairs(14).map((p) => ({ ...p, chosen: letters(200_000), rejected: `${letters(200_000)} ✓` }));
    const out = await tempDir();
    await writeExport({
      rows: asyncRows(pairs),
      format: "parquet",
      out,
      datasetName: "big",
      languages: ["de", "zh"],
      parquet: { rowGroupRows: 3 },
    });
    const { rows, metadata } = await readParquet(path.join(out, "data/de/train-00000-of-00001.parquet"));
    expect(metadata.row_groups.map((g) => Number(g.num_rows))).toEqual([3, 3, 1]);
    expect(Number(metadata.row_groups[0]!.total_compressed_size)).toBeGreaterThan(SPILL_BYTES);
    expect(rows).toEqual(pairs.filter((p) => p.lang === "de").map(parquetRow));
  }, 30_000);

  it("writes a readable empty file for a language without pairs", async () => {
    const out = await tempDir();
    await writeExport({
      rows: asyncRows(FIXTURE_PAIRS.filter((p) => p.lang === "de")),
      format: "parquet",
      out,
      datasetName: "only-de",
      languages: ["de", "sw"],
    });
    const { rows, metadata } = await readParquet(path.join(out, "data/sw/train-00000-of-00001.parquet"));
    expect(rows).toEqual([]);
    expect(metadata.schema.map((s) => s.name)).toEqual([
      "root",
      "prompt",
      "chosen",
      "rejected",
      "prompt_id",
      "lang",
      "score_chosen",
      "score_rejected",
      "margin",
    ]);
  });
});
