import { describe, expect, it } from "vitest";
import { findDefect, isRepetitionLoop, repeatedLineShare, repeatedSuffixLength } from "./degenerate";

const step = (i: number) => `Schritt ${i}: Wir addieren die Stifte und erhalten ${i * 5} neue Stifte.`;
const WORDS = ["Stifte", "Tinte", "leer", "voll", "Ram", "mischt", "neue", "bleiben", "übrig", "danach", "zählt", "zusammen"];
let state = 7;
const nextWord = () => WORDS[(state = (state * 1_103_515_245 + 12_345) % 2 ** 31) % WORDS.length];
/** Sixty lines of eight words drawn by a fixed linear congruential sequence: no two alike. */
const normal = Array.from({ length: 60 }, () => Array.from({ length: 8 }, nextWord).join(" ")).join("\n");

describe("repetition loops", () => {
  it("finds one word repeated until the token limit", () => {
    const text = `Kwa ajili ya kufafanulia swali hili!${"vyote ".repeat(400)}vy`;
    // Every character of the 2,402-character run after its first unit equals the one a unit before it.
    expect(repeatedSuffixLength(text)).toBe(2_396);
    expect(findDefect(text)).toBe("repetition_loop");
  });

  it("finds a paragraph repeated, and a counter that only changes its digits", () => {
    const paragraph = "Also sind es insgesamt 3 + 7 = 10 DVDs, die von den Kunden gekauft wurden.\n\n";
    expect(isRepetitionLoop(`Billy hat 8 DVDs verkauft.\n${paragraph.repeat(40)}Also`)).toBe(true);
    const counting = Array.from({ length: 60 }, (_, i) => step(i)).join("\n");
    expect(repeatedLineShare(counting)).toBeCloseTo(59 / 60, 2);
    expect(isRepetitionLoop(counting)).toBe(true);
    expect(isRepetitionLoop(Array.from({ length: 700 }, (_, i) => 15_384 + 3 * i).join(", "))).toBe(true);
  });

  it("leaves a long answer without repeats alone, and any short one", () => {
    expect(normal.length).toBeGreaterThan(2_000);
    expect(isRepetitionLoop(normal)).toBe(false);
    expect(isRepetitionLoop("ja ".repeat(600))).toBe(false);
  });
});

describe("findDefect", () => {
  it("names empty answers and answers cut at the token limit", () => {
    expect(findDefect(" \n ")).toBe("empty");
    expect(findDefect("The answer is", "length")).toBe("truncated");
    expect(findDefect("The answer is 18.", "stop")).toBeNull();
    expect(findDefect("The answer is 18.")).toBeNull();
  });
});
