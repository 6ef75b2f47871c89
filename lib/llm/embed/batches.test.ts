import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planBatches } from "./batches";
import { normalize } from "./embedder";

describe("planBatches", () => {
  it("splits by count and by tokens", () => {
    const tokens = (t: string) => t.length;
    expect(planBatches(["aa", "bb", "cc", "dd", "ee"], 2, 100, tokens)).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
    expect(planBatches(["aaaa", "bb", "cccccc", "d"], 10, 6, tokens)).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(planBatches(["a".repeat(50), "b"], 10, 6, tokens)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(planBatches([], 3, 3)).toEqual([]);
  });

  it("covers every text once, in order, within both limits unless one text alone is over", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 })),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 60 }),
        (texts, maxCount, maxTokens) => {
          const tokens = (t: string) => Math.max(1, t.length);
          const batches = planBatches(texts, maxCount, maxTokens, tokens);
          expect(batches.flatMap(([s, e]) => Array.from({ length: e - s }, (_, i) => s + i))).toEqual(texts.map((_, i) => i));
          for (const [s, e] of batches) {
            expect(e - s).toBeLessThanOrEqual(maxCount);
            const used = texts.slice(s, e).reduce((sum, t) => sum + tokens(t), 0);
            if (e - s > 1) expect(used).toBeLessThanOrEqual(maxTokens);
          }
        },
      ),
    );
  });
});

describe("normalize", () => {
  it("scales to unit length and keeps the zero vector", () => {
    expect(Array.from(normalize([3, 4]))).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(Array.from(normalize([0, 0]))).toEqual([0, 0]);
  });
});
