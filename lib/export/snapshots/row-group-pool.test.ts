import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeExport, type ExportPair, type ParquetTuning } from "@/lib/export/formats";
import { asyncRows, pair, tempDir } from "@/lib/testing/export-formats";
import { RowGroupPool } from "./row-group-pool";

const LANGS = ["de", "zh"];

const pairOf = (i: number, [prompt, chosen, rejected]: [string, string, string], score: number): ExportPair =>
  pair({
    id: `p${i}`,
    promptId: `q${i % 3}`,
    groupKey: `g${i}`,
    lang: LANGS[i % 2]!,
    prompt,
    chosen,
    rejected,
    scoreChosen: score,
    scoreRejected: -score,
    margin: 2 * score,
  });

const pairs = fc
  .array(
    fc.tuple(
      fc.tuple(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 300 }), fc.string({ maxLength: 300 })),
      fc.double({ noNaN: true }),
    ),
    { maxLength: 60 },
  )
  .map((rows) => rows.map(([texts, score], i) => pairOf(i, texts, score)));

/** Every Parquet file of the export, by path. */
async function exportFiles(rows: ExportPair[], parquet: ParquetTuning): Promise<Record<string, Buffer>> {
  const out = await tempDir();
  const manifest = await writeExport({ rows: asyncRows(rows), format: "parquet", out, datasetName: "pool", languages: LANGS, parquet });
  const files = manifest.files.filter((f) => f.path.endsWith(".parquet"));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f.path, await readFile(path.join(out, f.path))] as const)));
}

describe("row groups encoded on a thread", () => {
  it("write the same bytes as row groups encoded on the calling thread, in every file", async () => {
    const pool = new RowGroupPool(1);
    try {
      expect(await pool.threads()).toBe(1);
      await fc.assert(
        fc.asyncProperty(pairs, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4000 }), async (rows, rowGroupRows, budget) => {
          const tuning = { rowGroupRows, bufferBudgetBytes: budget };
          expect(await exportFiles(rows, { ...tuning, encodeRowGroup: pool.encode })).toEqual(await exportFiles(rows, tuning));
        }),
        { numRuns: 30 },
      );
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("fail the export, leaving no file behind, when encoding fails", async () => {
    const out = await tempDir();
    const rows = Array.from({ length: 9 }, (_, i) => pairOf(i, ["p", "c", "r"], i));
    const failing = () => Promise.reject(new Error("no room on the thread"));
    await expect(
      writeExport({
        rows: asyncRows(rows),
        format: "parquet",
        out,
        datasetName: "x",
        languages: LANGS,
        parquet: { rowGroupRows: 2, encodeRowGroup: failing },
      }),
    ).rejects.toThrow("no room on the thread");
    const left = await readdir(out, { recursive: true, withFileTypes: true });
    expect(left.filter((e) => e.isFile()).map((e) => e.name)).toEqual([]);
  });
});
