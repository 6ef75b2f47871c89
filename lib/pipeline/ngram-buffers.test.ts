import { describe, expect, it } from "vitest";
import { codePointsWithoutSpace } from "./ngram-buffers";

/** What chrF reads, written plainly: NFC, every `\s` removed, then code points. */
const plain = (t: string) => Array.from(t.normalize("NFC").replace(/\s+/gu, ""), (c) => c.codePointAt(0));

describe("codePointsWithoutSpace", () => {
  it("equals NFC + removing \\s + code points for every BMP code unit, alone and between letters", () => {
    for (let start = 0; start < 0x10000; start += 0x800) {
      let text = "";
      for (let c = start; c < start + 0x800; c++) text += `a${String.fromCharCode(c)}${c % 3 === 0 ? " " : ""}`;
      expect(Array.from(codePointsWithoutSpace(text))).toEqual(plain(text));
    }
  });

  it("joins surrogate halves that a removed space separated, as the plain reading does", () => {
    expect(Array.from(codePointsWithoutSpace("\ud83d \ude00x"))).toEqual([0x1f600, 0x78]);
    expect(Array.from(codePointsWithoutSpace("\ud83d\ude00 \ud83d"))).toEqual([0x1f600, 0xd83d]);
  });
});
