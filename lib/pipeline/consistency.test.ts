import { describe, expect, it } from "vitest";
import { consistencyScores, crossLingualScore, similarityMatrix, TIE_BREAK_WEIGHT } from "./consistency";
import { groupSimilarity } from "./similarity";
import { cand, vec } from "@/lib/testing/pipeline-fixtures";

describe("similarityMatrix and Cons", () => {
  const items = [
    cand("a", "en", 0, "a", { vector: vec(1, 0) }),
    cand("b", "en", 1, "b", { vector: vec(3, 4) }),
    cand("c", "en", 2, "c", { vector: vec(0, 1) }),
  ];

  it("is symmetric with a zero diagonal", () => {
    const m = similarityMatrix(items, groupSimilarity("embedding").base);
    expect([...m]).toEqual([0, 0.6, 0, 0.6, 0, 0.8, 0, 0.8, 0]);
  });

  it("Cons is the row mean without the diagonal; a single sample has Cons 0", () => {
    const cons = consistencyScores(items, "embedding", groupSimilarity("embedding"));
    expect(cons[0]).toBeCloseTo(0.3, 15);
    expect(cons[1]).toBeCloseTo(0.7, 15);
    expect(cons[2]).toBeCloseTo(0.4, 15);
    expect([...consistencyScores(items.slice(0, 1), "embedding", groupSimilarity("embedding"))]).toEqual([0]);
    expect([...consistencyScores(items.slice(0, 1), "answer", groupSimilarity("lexical"))]).toEqual([0]);
  });

  it("answer CL: a different answer stays below any equal answer, null never agrees", () => {
    const sim = groupSimilarity("lexical");
    const ref = cand("r", "en", 0, "the answer is 18", { answer: "18" });
    const same = cand("x", "de", 0, "zzz", { answer: "18.00" });
    const other = cand("y", "de", 1, "the answer is 18", { answer: "19" });
    const none = cand("z", "de", 2, "the answer is 18", { answer: null });
    expect(crossLingualScore(same, ref, "answer", sim)).toBe(1 - TIE_BREAK_WEIGHT);
    expect(crossLingualScore(other, ref, "answer", sim)).toBe(TIE_BREAK_WEIGHT);
    expect(crossLingualScore(none, ref, "answer", sim)).toBe(TIE_BREAK_WEIGHT);
  });

  it("answer scores stay in [0, 1]: the top class sits just below 1, the others just above their agreement share", () => {
    const sim = groupSimilarity("lexical");
    const ref = cand("r", "en", 0, "the answer is 18", { answer: "18" });
    expect(crossLingualScore(cand("x", "de", 0, "the answer is 18", { answer: "18" }), ref, "answer", sim)).toBe(1);
    expect(crossLingualScore(cand("y", "de", 1, "the answer is 18", { answer: "19" }), ref, "answer", sim)).toBe(0.01);
    const twins = [ref, cand("t", "en", 1, "the answer is 18", { answer: "18" })];
    expect([...consistencyScores(twins, "answer", sim)]).toEqual([1, 1]);
    // Three samples: r and t agree (one of two peers each), u has no answer.
    const u = cand("u", "en", 2, "no idea", { answer: null });
    const s = sim.unit(ref, u);
    const cons = consistencyScores([ref, twins[1]!, u], "answer", sim);
    expect(cons[0]).toBeCloseTo((1 + (0.01 * (1 + s)) / 2) / 2, 15);
    expect(cons[0]).toBeGreaterThanOrEqual(0.5);
    expect(cons[2]).toBeCloseTo((0.01 * s) / 2, 15);
    // All three agree: the top class, ordered by the secondary just below 1.
    const all = consistencyScores([ref, twins[1]!, cand("v", "en", 2, "18", { answer: "18" })], "answer", sim);
    expect(all[0]).toBeLessThanOrEqual(1);
    expect(all[0]).toBeGreaterThan(all[2]!);
    expect(all[2]).toBeCloseTo(
      (2 + 0.01 * ((sim.unit(ref, cand("v", "en", 2, "18")) + sim.unit(twins[1]!, cand("v", "en", 2, "18"))) / 2 - 1)) / 2,
      15,
    );
  });
});
