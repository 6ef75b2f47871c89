import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { heatColor, heatmapOf, rankLanguage } from "./ranking";
import type { GroupPair, GroupResponse } from "./types";

const resp = (id: number, language: string, sampleIndex: number, score: number | null): GroupResponse => ({
  id,
  language,
  sampleIndex,
  text: "",
  model: null,
  origin: "imported",
  detectedLanguage: null,
  extractedAnswer: null,
  charLength: 0,
  score,
  targetShare: null,
  languageMix: null,
  defect: null,
});
const pair = (language: string, chosenId: number | null, rejectedId: number | null) => ({ language, chosenId, rejectedId }) as GroupPair;

describe("rankLanguage", () => {
  it("ranks by score, unscored last, ties by sample index, and marks the pair", () => {
    const ranked = rankLanguage(
      [resp(1, "de", 0, 0.2), resp(2, "de", 1, null), resp(3, "de", 2, 0.9), resp(4, "de", 3, 0.2)],
      pair("de", 3, 1),
      null,
    );
    expect(ranked.map((r) => [r.id, r.rank, r.marks])).toEqual([
      [3, 1, ["chosen"]],
      [1, 2, ["rejected"]],
      [4, 3, []],
      [2, null, []],
    ]);
  });

  it("is a permutation sorted by score whatever the input order", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { maxLength: 12 }), (scores) => {
        const input = scores.map((s, i) => resp(i + 1, "de", i, s));
        const ranked = rankLanguage([...input].reverse(), undefined, null);
        expect(ranked.map((r) => r.id).sort((a, b) => a - b)).toEqual(input.map((r) => r.id));
        const scored = ranked.filter((r) => r.score !== null).map((r) => r.score!);
        expect(scored).toEqual([...scored].sort((a, b) => b - a));
        expect(ranked.slice(scored.length).every((r) => r.score === null)).toBe(true);
      }),
    );
  });
});

describe("heatmapOf", () => {
  it("lays out languages × samples with gaps and marks", () => {
    const map = heatmapOf(
      ["en", "de"],
      "en",
      [resp(1, "en", 0, 0.5), resp(2, "en", 1, 0.7), resp(3, "de", 1, 0.4)],
      { de: pair("de", 3, null) },
      2,
    );
    expect(map).toEqual({
      samples: [0, 1],
      rows: [
        {
          language: "en",
          kind: "cons",
          cells: [
            { responseId: 1, sampleIndex: 0, score: 0.5, marks: [] },
            { responseId: 2, sampleIndex: 1, score: 0.7, marks: ["reference"] },
          ],
        },
        { language: "de", kind: "cl", cells: [null, { responseId: 3, sampleIndex: 1, score: 0.4, marks: ["chosen"] }] },
      ],
    });
  });

  it("colours scores from pale to deep, clamped", () => {
    expect(heatColor(0)).toBe("hsl(239 40% 96%)");
    expect(heatColor(1)).toBe("hsl(239 84% 46%)");
    expect(heatColor(-0.3)).toBe(heatColor(0));
    expect(heatColor(null)).toBe("rgb(241 245 249)");
  });
});
