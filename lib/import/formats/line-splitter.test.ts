import { describe, expect, it } from "vitest";

import { LineSplitter } from "./line-splitter";

function split(chunks: Array<string | Buffer>, maxLineBytes = 1024): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const splitter = new LineSplitter(maxLineBytes);
  const handler = {
    line: (buf: Buffer, start: number, end: number, lineNo: number) => out.push([lineNo, buf.toString("utf8", start, end)]),
    tooLong: (lineNo: number) => out.push([lineNo, "<too long>"]),
  };
  for (const chunk of chunks) splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk, handler);
  splitter.end(handler);
  return out;
}

describe("LineSplitter", () => {
  it("splits on LF, strips CR, and emits a last line without a newline", () => {
    expect(split(["a\r\nbb\n\nccc"])).toEqual([
      [1, "a"],
      [2, "bb"],
      [3, ""],
      [4, "ccc"],
    ]);
  });

  it("joins lines across chunk boundaries, including a CRLF split between chunks", () => {
    expect(split(["ab", "c\r", "\nd", "", "e\n"])).toEqual([
      [1, "abc"],
      [2, "de"],
    ]);
  });

  it("drops a BOM at the start of any line, even when it arrives byte by byte", () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(split([bom.subarray(0, 1), bom.subarray(1, 2), bom.subarray(2), "x\n", bom, "y\nz", bom])).toEqual([
      [1, "x"],
      [2, "y"],
      [3, "z\uFEFF"],
    ]);
  });

  it("reports an over-long line once, whether it fits in one chunk or spans many", () => {
    expect(split(["ok\n" + "x".repeat(20) + "\nnext\n"], 10)).toEqual([
      [1, "ok"],
      [2, "<too long>"],
      [3, "next"],
    ]);
    expect(split(["ok\nxxxxxx", "xxxxxx", "xxxxxx", "xx\nnext"], 10)).toEqual([
      [1, "ok"],
      [2, "<too long>"],
      [3, "next"],
    ]);
    expect(split(["x".repeat(11)], 10)).toEqual([[1, "<too long>"]]);
  });

  it("accepts a line of exactly the limit", () => {
    expect(split(["0123456789\n"], 10)).toEqual([[1, "0123456789"]]);
  });
});
