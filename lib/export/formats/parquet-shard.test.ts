import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { ByteWriter, ParquetWriter, schemaFromColumnData } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { asyncRows, tempDir } from "@/lib/testing/export-formats";
import { PARQUET_COLUMNS } from "./row-group-encoding";
import { parquetRow } from "./records";
import type { ExportPair } from "./types";
import { writeExport } from "./write-export";

const FILE = "data/de/train-00000-of-00001.parquet";

function pairOf(i: number, [prompt, chosen, rejected]: [string, string, string], score: number): ExportPair {
  return {
    id: `p${i}`,
    promptId: `q${i}`,
    groupKey: `g${i}`,
    lang: "de",
    prompt,
    chosen,
    rejected,
    enReference: "",
    scoreChosen: score,
    scoreRejected: -score,
    margin: 2 * score,
    origin: "auto",
    status: "proposed",
    runId: null,
    scorer: "",
  };
}

const texts = (unit: "grapheme" | "binary") =>
  fc.tuple(fc.string({ unit, maxLength: 40 }), fc.string({ unit, maxLength: 300 }), fc.string({ unit, maxLength: 300 }));
const pairsOf = (unit: "grapheme" | "binary", minLength: number) =>
  fc
    .array(fc.tuple(texts(unit), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength, maxLength: 60 })
    .map((rows) => rows.map(([t, score], i) => pairOf(i, t, score)));

async function exportDe(pairs: ExportPair[], rowGroupRows: number): Promise<string> {
  const out = await tempDir();
  await writeExport({ rows: asyncRows(pairs), format: "parquet", out, datasetName: "shard", languages: ["de"], parquet: { rowGroupRows } });
  return path.join(out, FILE);
}

/** The same rows written the plain way: string columns straight into hyparquet-writer, `rowGroupRows` a group. */
function plainWriterBytes(pairs: ExportPair[], rowGroupRows: number): Uint8Array {
  const writer = new ByteWriter();
  const schema = schemaFromColumnData({
    columnData: PARQUET_COLUMNS.map((c) => ({ name: c.name, type: c.type, nullable: false, data: [] })),
  });
  const parquet = new ParquetWriter({ writer, schema, createdBy: "cm-align-studio" });
  const rows = pairs.map(parquetRow);
  if (rows.length > 0) {
    parquet.write({
      columnData: PARQUET_COLUMNS.map((c) => ({
        name: c.name,
        type: c.type,
        nullable: false,
        data: rows.map((r) => r[c.name]),
        ...(c.longText ? { encoding: "PLAIN" as const, statistics: false } : {}),
      })),
      rowGroupSize: rowGroupRows,
    });
  }
  parquet.finish();
  return new Uint8Array(writer.getBuffer());
}

describe("parquet shard", () => {
  it("writes several row groups that read back to exactly the rows written, in order", async () => {
    await fc.assert(
      fc.asyncProperty(pairsOf("grapheme", 2), fc.integer({ min: 1, max: 7 }), async (pairs, rowGroupRows) => {
        const file = await exportDe(pairs, rowGroupRows);
        const buffer = await asyncBufferFromFile(file);
        const metadata = await parquetMetadataAsync(buffer);
        expect(metadata.row_groups.map((g) => Number(g.num_rows))).toEqual(
          Array.from({ length: Math.ceil(pairs.length / rowGroupRows) }, (_, g) => Math.min(rowGroupRows, pairs.length - g * rowGroupRows)),
        );
        expect(await parquetReadObjects({ file: buffer, metadata })).toEqual(pairs.map(parquetRow));
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("writes the same bytes as string columns handed straight to hyparquet-writer, lone surrogates included", async () => {
    await fc.assert(
      fc.asyncProperty(pairsOf("binary", 0), fc.integer({ min: 1, max: 7 }), async (pairs, rowGroupRows) => {
        const file = await exportDe(pairs, rowGroupRows);
        expect(new Uint8Array(await readFile(file))).toEqual(plainWriterBytes(pairs, rowGroupRows));
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("encodes texts longer than a slab, after short ones, without truncating them", async () => {
    const long = "ä✓🙂".repeat(200_000);
    const pairs = [pairOf(0, ["p", "short", "short"], 1), pairOf(1, [long, `${long}!`, "x"], 2), pairOf(2, ["q", "y", long], 3)];
    const file = await exportDe(pairs, 10);
    expect(new Uint8Array(await readFile(file))).toEqual(plainWriterBytes(pairs, 10));
  }, 30_000);
});
