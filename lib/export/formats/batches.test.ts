import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asyncRows, FIXTURE_LANGUAGES, FIXTURE_PAIRS, tempDir } from "@/lib/testing/export-formats";
import type { ExportFormat, ExportPair } from "./types";
import { writeExport } from "./write-export";

function chunk<T>(items: readonly T[], sizes: number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; at < items.length; i++) {
    const size = sizes[i % sizes.length]!;
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}

async function hashes(format: ExportFormat, rows: AsyncIterable<ExportPair | readonly ExportPair[]>): Promise<string[]> {
  const dir = await tempDir();
  const out = format === "trl" ? path.join(dir, "train.jsonl") : dir;
  const manifest = await writeExport({
    rows,
    format,
    out,
    datasetName: "batches",
    languages: [...FIXTURE_LANGUAGES],
    split: { testFraction: 0.5, seed: 1 },
    parquet: { rowGroupRows: 2, bufferBudgetBytes: 300 },
  });
  return manifest.files.map((f) => `${f.path} ${f.sha256} ${f.rows}`);
}

describe("writeExport with batches", () => {
  it("writes the same bytes whether pairs arrive one by one or in batches of any sizes", async () => {
    const pairs = [...FIXTURE_PAIRS, ...FIXTURE_PAIRS.map((p) => ({ ...p, id: `${p.id}b`, groupKey: `${p.groupKey}b` }))];
    const expected = {
      "llama-factory": await hashes("llama-factory", asyncRows(pairs)),
      parquet: await hashes("parquet", asyncRows(pairs)),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom("llama-factory", "parquet"),
        async (sizes, format) => {
          expect(await hashes(format, asyncRows(chunk(pairs, sizes)))).toEqual(expected[format]);
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});
