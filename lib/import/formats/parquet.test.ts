import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";

import { chunkedSource, collect, fixtureFile, groupsOf, gzipSync, problemsOf, rowsOf } from "@/lib/testing/import-formats";

function parquetFile(rowGroupSize = 2): Buffer {
  const buffer = parquetWriteBuffer({
    rowGroupSize,
    columnData: [
      { name: "prompt_id", data: ["q1", "q1", "q1", "q2", "q2"], type: "STRING" },
      { name: "lang", data: ["en", "zh", "zh", "en", "xx_!"], type: "STRING" },
      { name: "prompt", data: ["Q?", "问？", "问？", "Q2?", "?"], type: "STRING" },
      { name: "response", data: ["a", "甲", "乙", "b", "c"], type: "STRING" },
      { name: "sample", data: [0n, null, 4n, null, null], type: "INT64", nullable: true },
      { name: "model", data: ["m", null, null, "m", null], type: "STRING", nullable: true },
      { name: "temperature", data: [0.5, null, null, null, null], type: "DOUBLE", nullable: true },
    ],
  });
  return Buffer.from(buffer);
}

describe("Parquet (flat columns)", () => {
  it("reads rows by row group; line is the 1-based row number", async () => {
    const reader = await collect({ path: fixtureFile("rows.parquet", parquetFile()) });
    expect(problemsOf(reader)).toEqual([[5, "lang", '"xx_!" is not a valid BCP-47 language code']]);
    const groups = groupsOf(reader);
    expect(rowsOf(groups)).toEqual(["1: q1 en#0", "2: q1 zh#0", "3: q1 zh#4", "4: q2 en#0"]);
    expect(groups[0]?.responses[0]).toMatchObject({ model: "m", params: { temperature: 0.5 } });
    expect(groups[1]?.responses[0]).toMatchObject({ model: null, params: null, text: "甲" });
  });

  it("reads the same rows from a stream, from gzip, and with the magic bytes under another name", async () => {
    const expected = await collect({ path: fixtureFile("base.parquet", parquetFile(3)) });
    expect(await collect(chunkedSource(parquetFile(3), "upload.parquet", 100))).toEqual(expected);
    expect(await collect({ path: fixtureFile("rows.parquet.gz", gzipSync(parquetFile(3))) })).toEqual(expected);
    expect(await collect({ path: fixtureFile("rows.bin", parquetFile(3)) })).toEqual(expected);
  });

  it("fails with a message for a damaged file and for --format nested", async () => {
    const damaged = parquetFile().subarray(0, 60);
    const items = await collect({ path: fixtureFile("damaged.parquet", damaged) });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "fatal", line: null });
    expect(items[0]?.kind === "fatal" && items[0].message).toMatch(/^not a readable Parquet file: /);
    expect(await collect({ path: fixtureFile("n.parquet", parquetFile()) }, { format: "nested" })).toEqual([
      { kind: "fatal", line: null, message: "nested records need JSON input (.jsonl or .json); Parquet holds flat rows" },
    ]);
  });
});

describe("Parquet text that is not UTF-8", () => {
  it("refuses the row and names its column; the other rows are read", async () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: "prompt_id", data: ["q1", "q1", "q1"], type: "STRING" },
        { name: "lang", data: ["en", "de", "de"], type: "STRING" },
        { name: "prompt", data: ["Q?", "F?", "F?"], type: "STRING" },
        // Row 2 holds the bytes of "ja" with a stray continuation byte between them.
        { name: "response", data: [utf8("yes"), Uint8Array.of(0x6a, 0x80, 0x61), utf8("nein")], type: "BYTE_ARRAY" },
      ],
    });
    const items = await collect({ path: fixtureFile("bytes.parquet", Buffer.from(buffer)) });
    expect(problemsOf(items)).toEqual([[2, "response", "text is not valid UTF-8"]]);
    expect(rowsOf(groupsOf(items))).toEqual(["1: q1 en#0", "3: q1 de#0"]);
    expect(groupsOf(items)[1]?.responses[0]?.text).toBe("nein");
  });
});
