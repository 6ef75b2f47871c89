import { describe, expect, it } from "vitest";
import { AGREEMENT_WEIGHT, consistencyScores, crossLingualScore, similarityMatrix, TIE_BREAK_WEIGHT } from "./consistency";
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
    expect(crossLingualScore(same, ref, "answer", sim)).toBe(AGREEMENT_WEIGHT);
    expect(crossLingualScore(other, ref, "answer", sim)).toBe(TIE_BREAK_WEIGHT);
    expect(crossLingualScore(none, ref, "answer", sim)).toBe(TIE_BREAK_WEIGHT);
  });

  it("answer scores stay in [0, 1]: same answer and identical text give exactly 1, the most a wrong answer gets is 0.01", () => {
    const sim = groupSimilarity("lexical");
    const ref = cand("r", "en", 0, "the answer is 18", { answer: "18" });
    expect(AGREEMENT_WEIGHT + TIE_BREAK_WEIGHT).toBe(1);
    expect(crossLingualScore(cand("x", "de", 0, "the answer is 18", { answer: "18" }), ref, "answer", sim)).toBe(1);
    expect(crossLingualScore(cand("y", "de", 1, "the answer is 18", { answer: "19" }), ref, "answer", sim)).toBe(0.01);
    const twins = [ref, cand("t", "en", 1, "the answer is 18", { answer: "18" })];
    expect([...consistencyScores(twins, "answer", sim)]).toEqual([1, 1]);
    const three = [...twins, cand("u", "en", 2, "no idea", { answer: null })];
    const cons = consistencyScores(three, "answer", sim);
    expect(cons[2]).toBeLessThanOrEqual(0.01 / 2);
    expect(cons[0]).toBeCloseTo((0.99 + 0.01 * (1 + sim.unit(ref, three[2]!)) / 2) / 2, 15);
  });
});
