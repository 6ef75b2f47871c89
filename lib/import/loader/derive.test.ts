import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointLength, deriveBatch } from "./derive";

describe("derived fields", () => {
  it("codePointLength counts code points like [...text].length, lone surrogates included", () => {
    const unit = fc.oneof(
      fc.constantFrom("a", "é", "字", "😀", "\ud83d", "\ude00"),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 30 }).map((u) => u.join("")),
        (s) => {
          expect(codePointLength(s)).toBe([...s].length);
        },
      ),
      { numRuns: 300 },
    );
    expect(codePointLength("a😀b")).toBe(3);
    expect(codePointLength("\ud83d")).toBe(1);
  });

  it("derives language, answer (only when asked) and length per response", () => {
    const out = deriveBatch({
      texts: ["The answer is 18 because three boxes of six apples make eighteen apples.", "Jibu ni 18.", ""],
      langs: ["sw", "sw", "en"],
      wantAnswer: [true, false, true],
    });
    expect(out.detected).toEqual(["en", null, null]);
    expect(out.answers).toEqual(["18", null, null]);
    expect([...out.charLengths]).toEqual([72, 11, 0]);
  });
});
