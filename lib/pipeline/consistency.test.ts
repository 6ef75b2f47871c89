import { describe, expect, it } from "vitest";
import { consistencyScores, crossLingualScore, similarityMatrix, TIE_BREAK_WEIGHT } from "./consistency";
import { groupSimilarity } from "./similarity";
import { cand, vec } from "./test-fixtures.test-data";

describe("similarityMatrix and Cons", () => {
  const items = [cand("a", "en", 0, "a", { vector: vec(1, 0) }), cand("b", "en", 1, "b", { vector: vec(3, 4) }), cand("c", "en", 2, "c", { vector: vec(0, 1) })];

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
    expect(crossLingualScore(same, ref, "answer", sim)).toBe(1);
    expect(crossLingualScore(other, ref, "answer", sim)).toBe(TIE_BREAK_WEIGHT);
    expect(crossLingualScore(none, ref, "answer", sim)).toBe(TIE_BREAK_WEIGHT);
  });
});
