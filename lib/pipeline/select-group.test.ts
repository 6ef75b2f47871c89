import { describe, expect, it } from "vitest";
import { lexicalTextSimilarity } from "./lexical";
import { selectGroup, selectGroupWithReference } from "./select-group";
import { cand, embeddingFixture, group, vec } from "@/lib/testing/pipeline-fixtures";
import type { GroupSelection, LanguageDecision } from "./types";

const scoreOf = (s: GroupSelection, id: string) => s.scores.find((x) => x.candidateId === id)?.score;
const decisionOf = (s: GroupSelection, lang: string): LanguageDecision | undefined => s.decisions.find((d) => d.lang === lang);

describe("embedding scorer on hand-made vectors", () => {
  const s = selectGroup(group(embeddingFixture()), { scorer: "embedding" });

  it("scores Cons over non-empty English candidates only and picks the medoid", () => {
    expect(s.scorer).toBe("embedding");
    expect(scoreOf(s, "en-a")).toBeCloseTo(0.3, 12);
    expect(scoreOf(s, "en-b")).toBeCloseTo(0.7, 12);
    expect(scoreOf(s, "en-c")).toBeCloseTo(0.4, 12);
    expect(scoreOf(s, "en-empty")).toBeUndefined();
    expect(s.reference?.candidateId).toBe("en-b");
    expect(s.reference?.cons).toBeCloseTo(0.7, 12);
  });

  it("scores CL against the reference", () => {
    expect(scoreOf(s, "de-0")).toBeCloseTo(0.96, 12);
    expect(scoreOf(s, "de-1")).toBeCloseTo(0.8, 12);
    expect(scoreOf(s, "de-2")).toBeCloseTo(0.6, 12);
    expect(scoreOf(s, "de-3")).toBeCloseTo(-0.6, 12);
    expect(scoreOf(s, "zh-0")).toBe(1);
    expect(scoreOf(s, "zh-1")).toBeUndefined();
  });

  it("decides one pair or skip per language, sorted by language", () => {
    expect(s.decisions.map((d) => d.lang)).toEqual(["ar", "de", "hi", "sw", "zh"]);
    expect(decisionOf(s, "de")).toMatchObject({ kind: "pair", chosenId: "de-0", rejectedId: "de-3", basis: "score" });
    const de = decisionOf(s, "de");
    if (de?.kind !== "pair") throw new Error("expected a pair");
    expect(de.margin).toBeCloseTo(1.56, 12);
    expect(decisionOf(s, "zh")).toMatchObject({ kind: "skip", reason: "too_few_candidates" });
    expect(decisionOf(s, "ar")).toMatchObject({ kind: "skip", reason: "same_response" });
    expect(decisionOf(s, "hi")).toMatchObject({ kind: "skip", reason: "identical_text" });
  });

  it("never chooses the off-target response and rejects it instead", () => {
    const sw = decisionOf(s, "sw");
    expect(sw).toMatchObject({ kind: "pair", chosenId: "sw-1", rejectedId: "sw-0", basis: "language_guard" });
    if (sw?.kind !== "pair") throw new Error("expected a pair");
    expect(sw.margin).toBeCloseTo(-0.04, 12);
  });

  it("without the guard the English-language answer wins", () => {
    const off = selectGroup(group(embeddingFixture()), { scorer: "embedding", languageGuard: false });
    expect(decisionOf(off, "sw")).toMatchObject({ kind: "pair", chosenId: "sw-0", rejectedId: "sw-2", basis: "score" });
  });

  it("skips pairs strictly below the margin; the guard pair is not filtered", () => {
    const m = selectGroup(group(embeddingFixture()), { scorer: "embedding", margin: 1.56 });
    expect(decisionOf(m, "de")?.kind).toBe("pair");
    expect(decisionOf(m, "sw")?.kind).toBe("pair");
    const m2 = selectGroup(group(embeddingFixture()), { scorer: "embedding", margin: 1.57 });
    expect(decisionOf(m2, "de")).toMatchObject({ kind: "skip", reason: "below_margin" });
    const m3 = selectGroup(group(embeddingFixture()), { scorer: "embedding", margin: 0.5, languageGuard: false });
    expect(decisionOf(m3, "sw")).toMatchObject({ kind: "skip", reason: "below_margin" });
  });

  it("adds the English pair on request: reference vs least consistent", () => {
    const e = selectGroup(group(embeddingFixture()), { scorer: "embedding", englishPairs: true });
    expect(e.decisions[0]).toMatchObject({ lang: "en", kind: "pair", chosenId: "en-b", rejectedId: "en-a", basis: "score" });
  });

  it("recomputes every language with a human-fixed reference", () => {
    const h = selectGroupWithReference(group(embeddingFixture()), { scorer: "embedding" }, "en-a");
    expect(h.reference).toEqual({ candidateId: "en-a", cons: scoreOf(h, "en-a") });
    expect(scoreOf(h, "de-0")).toBeCloseTo(0.8, 12);
    expect(decisionOf(h, "de")).toMatchObject({ kind: "pair", chosenId: "de-2", rejectedId: "de-3" });
    expect(() => selectGroupWithReference(group(embeddingFixture()), {}, "en-empty")).toThrow(/not a scorable en candidate/);
    expect(() => selectGroupWithReference(group(embeddingFixture()), {}, "de-0")).toThrow();
    expect(() => selectGroupWithReference(group(embeddingFixture()), {}, "nope")).toThrow();
  });
});

describe("lexical scorer on tiny strings", () => {
  const candidates = [
    cand("e0", "en", 0, "ab"),
    cand("e1", "en", 1, "ab"),
    cand("e2", "en", 2, "ac"),
    cand("d0", "de", 0, "abc"),
    cand("d1", "de", 1, "ac"),
    cand("d2", "de", 2, "xy"),
  ];
  const s = selectGroup(group(candidates), { scorer: "lexical" });

  it("Cons = mean chrF-sym to the other English samples; tie → lower sample index", () => {
    expect(scoreOf(s, "e0")).toBe(0.625);
    expect(scoreOf(s, "e1")).toBe(0.625);
    expect(scoreOf(s, "e2")).toBe(0.25);
    expect(s.reference).toEqual({ candidateId: "e0", cons: 0.625 });
  });

  it("CL = chrF-sym to the reference 'ab'", () => {
    expect(scoreOf(s, "d0")).toBeCloseTo(4175 / 5544, 15);
    expect(scoreOf(s, "d1")).toBe(0.25);
    expect(scoreOf(s, "d2")).toBe(0);
    expect(decisionOf(s, "de")).toMatchObject({ kind: "pair", chosenId: "d0", rejectedId: "d2" });
  });
});

describe("answer scorer", () => {
  // chrF-sym by hand: S = sim("18", "18.0") = (55/117 + 65/84) / 2; sim("18.0", "20") = 25/144; others 0.
  const S = (55 / 117 + 65 / 84) / 2;
  const candidates = [
    cand("e0", "en", 0, "18", { answer: "18" }),
    cand("e1", "en", 1, "18.0", { answer: "18" }),
    cand("e2", "en", 2, "20", { answer: "20" }),
    cand("e3", "en", 3, "x", { answer: null }),
    cand("d0", "de", 0, "18", { answer: "18" }),
    cand("d1", "de", 1, "20", { answer: "20" }),
    cand("d2", "de", 2, "18.0", { answer: "18" }),
  ];
  const s = selectGroup(group(candidates, "18"), {});

  it("hand values of the secondary scorer", () => {
    expect(lexicalTextSimilarity("18", "18.0")).toBeCloseTo(S, 15);
    expect(lexicalTextSimilarity("18.0", "20")).toBeCloseTo(25 / 144, 15);
    expect(lexicalTextSimilarity("18", "20")).toBe(0);
  });

  it("auto picks answer when there is a gold answer; Cons = (agreements + 0.01·mean secondary) / (n − 1) below the top class", () => {
    expect(s.scorer).toBe("answer");
    expect(scoreOf(s, "e0")).toBeCloseTo((1 + (0.01 * S) / 3) / 3, 15);
    expect(scoreOf(s, "e1")).toBeCloseTo((1 + (0.01 * (S + 25 / 144)) / 3) / 3, 15);
    expect(scoreOf(s, "e2")).toBeCloseTo((0.01 * (25 / 144)) / 3 / 3, 15);
    expect(scoreOf(s, "e3")).toBe(0);
    expect(s.reference?.candidateId).toBe("e1");
  });

  it("CL = 0.99·[same answer] + 0.01·secondary, so the identical-text answer scores exactly 1 (was 1.01)", () => {
    expect(scoreOf(s, "d0")).toBeCloseTo(0.99 + 0.01 * S, 15);
    expect(scoreOf(s, "d1")).toBeCloseTo(0.01 * (25 / 144), 15);
    expect(scoreOf(s, "d2")).toBe(1);
    expect(decisionOf(s, "de")).toMatchObject({ kind: "pair", chosenId: "d2", rejectedId: "d1", basis: "score" });
  });

  it("uses the embedding secondary when asked, mapped to (1 + cos) / 2", () => {
    const withVectors = candidates.map((c, i) => ({ ...c, vector: vec(1, i) }));
    const e = selectGroup(group(withVectors, "18"), { secondary: "embedding" });
    const d2 = withVectors[6]?.vector ?? vec();
    const ref = withVectors.find((c) => c.id === e.reference?.candidateId)?.vector ?? vec();
    const cos = (d2[0]! * ref[0]! + d2[1]! * ref[1]!) / Math.hypot(d2[0]!, d2[1]!) / Math.hypot(ref[0]!, ref[1]!);
    expect(scoreOf(e, "d2")).toBeCloseTo(0.99 + 0.01 * ((1 + cos) / 2), 12);
  });
});

describe("surface scorers across scripts", () => {
  const english = [cand("e0", "en", 0, "Plants turn light into sugar."), cand("e1", "en", 1, "Plants make sugar from light.")];
  const arabic = [cand("a0", "ar", 0, "النباتات تحول الضوء إلى سكر."), cand("a1", "ar", 1, "تصنع النباتات السكر من الضوء.")];
  const german = [cand("d0", "de", 0, "Pflanzen machen aus Licht Zucker."), cand("d1", "de", 1, "Plants turn light into sugar, sagt man.")];
  const detail = (scorer: string) =>
    `${scorer} scores cannot compare Arabic-script responses with a Latin-script reference; score with a multilingual embedding model`;

  it("skips a lexical score pair whose responses are in another script than the reference, and keeps same-script ones", () => {
    const s = selectGroup(group([...english, ...arabic, ...german]), { scorer: "lexical" });
    expect(decisionOf(s, "ar")).toEqual({ lang: "ar", kind: "skip", reason: "cross_script", detail: detail("lexical (chrF)") });
    expect(decisionOf(s, "de")).toMatchObject({ kind: "pair", chosenId: "d1", rejectedId: "d0", basis: "score" });
  });

  it("keeps the language-guard pair: an off-target response is worse whatever the scores", () => {
    const offTarget = cand("a2", "ar", 2, "Plants turn light into sugar.", { detectedLang: "en" });
    const s = selectGroup(group([...english, ...arabic, offTarget]), { scorer: "lexical" });
    expect(decisionOf(s, "ar")).toMatchObject({ kind: "pair", chosenId: "a0", rejectedId: "a2", basis: "language_guard" });
  });

  it("applies to embedding vectors only when they compare surface characters", () => {
    const withVectors = [...english, ...arabic].map((c, i) => ({ ...c, vector: vec(1, i) }));
    const hashed = selectGroup(group(withVectors), { scorer: "embedding", surfaceVectors: true });
    expect(decisionOf(hashed, "ar")).toEqual({
      lang: "ar",
      kind: "skip",
      reason: "cross_script",
      detail: detail("hashed character n-gram"),
    });
    const semantic = selectGroup(group(withVectors), { scorer: "embedding" });
    expect(decisionOf(semantic, "ar")).toMatchObject({ kind: "pair", chosenId: "a0", rejectedId: "a1" });
  });

  it("does not apply to the answer scorer, whose answers read the same in every script", () => {
    const math = [
      cand("e0", "en", 0, "The answer is 18.", { answer: "18" }),
      cand("e1", "en", 1, "It is 18.", { answer: "18" }),
      cand("a0", "ar", 0, "الجواب هو ١٨", { answer: "18" }),
      cand("a1", "ar", 1, "الجواب هو ٢٠", { answer: "20" }),
    ];
    const s = selectGroup(group(math, "18"), {});
    expect(decisionOf(s, "ar")).toMatchObject({ kind: "pair", chosenId: "a0", rejectedId: "a1", basis: "score" });
  });
});

describe("answer scorer: no pair where the reference supports neither response", () => {
  const english = [
    cand("e0", "en", 0, "So the total is 18.", { answer: "18" }),
    cand("e1", "en", 1, "The answer is 18.", { answer: "18" }),
    cand("e2", "en", 2, "She has 16 left.", { answer: "16" }),
  ];
  const german = [
    cand("d0", "de", 0, "Die Antwort ist 16.", { answer: "16" }),
    cand("d1", "de", 1, "Also 20.", { answer: "20" }),
    cand("d2", "de", 2, "Es bleiben 16.", { answer: "16" }),
    cand("d3", "de", 3, "Keine Ahnung.", { answer: null }),
  ];
  const detail = "reference answer 18; answers seen: 16 (2), 20 (1), none (1)";

  it("skips the language as no_agreement, naming the reference answer and the answers seen", () => {
    const s = selectGroup(group([...english, ...german], "18"), {});
    expect(s.reference?.candidateId).toBe("e0");
    expect(decisionOf(s, "de")).toEqual({ lang: "de", kind: "skip", reason: "no_agreement", detail });
    expect(scoreOf(s, "d0")).toBeLessThanOrEqual(0.01);
  });

  it("a language-guard pair is no_agreement too when no on-target response agrees; off-target answers are listed apart", () => {
    const offTarget = cand("d4", "de", 4, "The answer is 18.", { answer: "18", detectedLang: "en" });
    const s = selectGroup(group([...english, ...german, offTarget], "18"), {});
    expect(decisionOf(s, "de")).toEqual({ lang: "de", kind: "skip", reason: "no_agreement", detail: `${detail}; off-target: 18 (1)` });
    const agreeing = cand("d5", "de", 5, "Die Antwort ist 18.", { answer: "18" });
    const guarded = selectGroup(group([...english, ...german, offTarget, agreeing], "18"), {});
    expect(decisionOf(guarded, "de")).toMatchObject({ kind: "pair", chosenId: "d5", rejectedId: "d4", basis: "language_guard" });
  });

  it("a reference without an answer supports nothing; random pairs and other scorers are not filtered", () => {
    const s = selectGroup(group([cand("e0", "en", 0, "Hmm.", { answer: null }), ...german], "18"), {});
    expect(decisionOf(s, "de")).toEqual({
      lang: "de",
      kind: "skip",
      reason: "no_agreement",
      detail: "reference answer none; answers seen: 16 (2), 20 (1), none (1)",
    });
    expect(decisionOf(selectGroup(group([...english, ...german], "18"), { pairs: "random" }), "de")).toMatchObject({
      kind: "pair",
      basis: "random",
    });
    expect(decisionOf(selectGroup(group([...english, ...german], "18"), { scorer: "lexical" }), "de")).toMatchObject({
      kind: "pair",
      basis: "score",
    });
  });

  it("with the reference corrected to an English sample answering 16, the pair appears", () => {
    const s = selectGroupWithReference(group([...english, ...german], "18"), {}, "e2");
    expect(decisionOf(s, "de")).toMatchObject({ kind: "pair", chosenId: "d2", basis: "score" });
    expect(["d1", "d3"]).toContain((decisionOf(s, "de") as { rejectedId: string }).rejectedId);
  });
});
