import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chrF, lexicalProfile, lexicalSimilarity, lexicalSimilarityToText, lexicalTextSimilarity } from "./lexical";

/** Obviously-correct chrF (β = 2, n = 1..6) on string-keyed maps, for comparison. */
function referenceChrF(hyp: string, ref: string): number {
  const chars = (t: string) => Array.from(t.normalize("NFC").replace(/\s+/gu, ""));
  const grams = (cs: string[], n: number) => {
    const m = new Map<string, number>();
    for (let i = 0; i + n <= cs.length; i++) {
      const g = cs.slice(i, i + n).join("\u0001");
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const h = chars(hyp);
  const r = chars(ref);
  let sum = 0;
  let orders = 0;
  for (let n = 1; n <= 6; n++) {
    const gh = grams(h, n);
    const gr = grams(r, n);
    const th = Math.max(0, h.length - n + 1);
    const tr = Math.max(0, r.length - n + 1);
    if (th === 0 || tr === 0) continue;
    let m = 0;
    for (const [g, c] of gh) m += Math.min(c, gr.get(g) ?? 0);
    const p = m / th;
    const rc = m / tr;
    sum += p + rc > 0 ? (5 * p * rc) / (4 * p + rc) : 0;
    orders++;
  }
  return orders === 0 ? 0 : sum / orders;
}

const sim = lexicalTextSimilarity;
const directional = (h: string, r: string) => chrF(lexicalProfile(h), lexicalProfile(r));

describe("chrF by hand", () => {
  it("ab vs ac: order 1 F = 1/2, order 2 F = 0", () => {
    expect(directional("ab", "ac")).toBe(0.25);
    expect(sim("ab", "ac")).toBe(0.25);
  });

  it("ab vs abc: 40/63 one way, 115/132 the other, symmetric mean 4175/5544", () => {
    expect(directional("ab", "abc")).toBeCloseTo(40 / 63, 15);
    expect(directional("abc", "ab")).toBeCloseTo(115 / 132, 15);
    expect(sim("ab", "abc")).toBeCloseTo(4175 / 5544, 15);
  });

  it("clips repeated n-grams: aaa vs a", () => {
    expect(directional("aaa", "a")).toBeCloseTo(5 / 7, 15);
    expect(directional("a", "aaa")).toBeCloseTo(5 / 13, 15);
    expect(sim("aaa", "a")).toBeCloseTo(50 / 91, 15);
  });

  it("removes whitespace, keeps case, counts code points", () => {
    expect(sim("a b\tc\n", "abc")).toBe(1);
    expect(sim("A", "a")).toBe(0);
    expect(sim("😀a", "😀b")).toBe(0.25);
  });

  it("identical texts score 1, empty text scores 0", () => {
    expect(sim("Die Antwort ist 18.", "Die Antwort ist 18.")).toBe(1);
    expect(sim("", "abc")).toBe(0);
    expect(sim("", "")).toBe(0);
  });
});

describe("properties", () => {
  const text = fc.string({ unit: fc.constantFrom("a", "b", "c", " ", "é", "中", "😀"), maxLength: 40 });

  it("matches the reference implementation in both directions", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(directional(a, b)).toBeCloseTo(referenceChrF(a, b), 12);
        expect(sim(a, b)).toBeCloseTo((referenceChrF(a, b) + referenceChrF(b, a)) / 2, 12);
      }),
    );
  });

  it("is symmetric, bounded, and streaming equals profile-vs-profile exactly", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const pa = lexicalProfile(a);
        const pb = lexicalProfile(b);
        const s = lexicalSimilarity(pa, pb);
        expect(lexicalSimilarity(pb, pa)).toBe(s);
        expect(lexicalSimilarityToText(pa, b)).toBe(s);
        expect(lexicalSimilarityToText(pb, a)).toBe(s);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });

  // Every `\s` kind and U+0085 (not one), a combining accent that NFC folds, several scripts, an astral
  // character and lone surrogate halves (a removed space between them joins them into one code point).
  const multilingual = fc.string({
    unit: fc.constantFrom(
      ..."\t\n\v\f\r \u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u0085",
      "a",
      "e",
      "\u0301",
      "é",
      "ß",
      "ب",
      "ت",
      "क",
      "ि",
      "中",
      "文",
      "я",
      "😀",
      "\ud83d",
      "\ude00",
      "\u0000",
    ),
    maxLength: 60,
  });

  it("streamed and profiled chrF equal the reference on multilingual text, to 1e-12", () => {
    fc.assert(
      fc.property(multilingual, multilingual, (a, b) => {
        const expected = (referenceChrF(a, b) + referenceChrF(b, a)) / 2;
        expect(Math.abs(directional(a, b) - referenceChrF(a, b))).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(lexicalSimilarity(lexicalProfile(a), lexicalProfile(b)) - expected)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(lexicalSimilarityToText(lexicalProfile(a), b) - expected)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(lexicalSimilarityToText(lexicalProfile(b), a) - expected)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it("a non-blank text is fully similar to itself", () => {
    fc.assert(
      fc.property(
        text.filter((t) => t.trim() !== ""),
        (a) => {
          expect(sim(a, a)).toBe(1);
        },
      ),
    );
  });
});
