import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guardStatus } from "./guard";
import { lexicalTextSimilarity } from "./lexical";
import { selectGroup } from "./select-group";
import { cand, group, vec } from "@/lib/testing/pipeline-fixtures";
import type { GroupSelection } from "./types";

const decision = (s: GroupSelection, lang: string) => s.decisions.find((d) => d.lang === lang);
const score = (s: GroupSelection, id: string) => s.scores.find((x) => x.candidateId === id)?.score;

/** English vectors agree on (1, 0); Bengali: bn-0 mixed and closest, bn-1 on target, bn-2 off-target, bn-3 a loop. */
function fixture() {
  return [
    cand("en-0", "en", 0, "eighteen", { vector: vec(1, 0) }),
    cand("en-1", "en", 1, "eighteen!", { vector: vec(1, 0), targetShare: 0.4 }),
    cand("en-2", "en", 2, "twenty", { vector: vec(0, 1) }),
    cand("bn-0", "bn", 0, "আঠারো, eighteen", { vector: vec(1, 0), targetShare: 0.62 }),
    cand("bn-1", "bn", 1, "আঠারো", { vector: vec(4, 3) }),
    cand("bn-2", "bn", 2, "eighteen", { vector: vec(3, 4), detectedLang: "en" }),
    cand("bn-3", "bn", 3, "আঠারো আঠারো", { vector: vec(1, 0), defect: "repetition_loop" }),
    cand("te-0", "te", 0, "పద్దెనిమిది", { vector: vec(4, 3) }),
    cand("te-1", "te", 1, "పద్దెనిమిది, eighteen", { vector: vec(1, 0), targetShare: 0.5 }),
    cand("te-2", "te", 2, "ఇరవై", { vector: vec(0, 1), defect: "truncated" }),
  ];
}

describe("guardStatus", () => {
  const options = { languageGuard: true, minTargetShare: 0.8 };
  it("holds defects always, off-target and mixed responses only under the guard", () => {
    expect(guardStatus(cand("a", "bn", 0, "x", { defect: "empty" }), { ...options, languageGuard: false })).toBe("defective");
    expect(guardStatus(cand("a", "bn", 0, "x", { detectedLang: "en", targetShare: 0.1 }), options)).toBe("off_target");
    expect(guardStatus(cand("a", "bn", 0, "x", { targetShare: 0.79 }), options)).toBe("mixed");
    expect(guardStatus(cand("a", "bn", 0, "x", { targetShare: 0.8 }), options)).toBe("ok");
    expect(guardStatus(cand("a", "bn", 0, "x", { targetShare: 0.1 }), { ...options, languageGuard: false })).toBe("ok");
    expect(guardStatus(cand("a", "bn", 0, "x", { targetShare: null }), options)).toBe("ok");
  });
});

describe("mixed-language and defective responses", () => {
  const s = selectGroup(group(fixture()), { scorer: "embedding" });

  it("never makes a mixed response the reference, though it is as consistent as the best", () => {
    expect(score(s, "en-0")).toBeCloseTo(0.5, 12);
    expect(score(s, "en-1")).toBeCloseTo(0.5, 12);
    expect(s.reference?.candidateId).toBe("en-0");
    const swapped = selectGroup(group(fixture().map((c) => (c.id === "en-0" ? { ...c, sampleIndex: 5 } : c))), { scorer: "embedding" });
    expect(swapped.reference?.candidateId).toBe("en-0");
  });

  it("rejects the off-target response first, then a mixed one; neither, nor a loop, is chosen", () => {
    expect(decision(s, "bn")).toMatchObject({ kind: "pair", chosenId: "bn-1", rejectedId: "bn-2", basis: "language_guard" });
    expect(decision(s, "te")).toMatchObject({ kind: "pair", chosenId: "te-0", rejectedId: "te-1", basis: "language_guard" });
    const noOff = selectGroup(group(fixture().filter((c) => c.id !== "bn-2")), { scorer: "embedding" });
    expect(decision(noOff, "bn")).toMatchObject({ kind: "pair", chosenId: "bn-1", rejectedId: "bn-0", basis: "language_guard" });
  });

  it("lets a defective response be rejected by score, never chosen, even without the guard", () => {
    const off = selectGroup(group(fixture()), { scorer: "embedding", languageGuard: false });
    expect(decision(off, "bn")).toMatchObject({ kind: "pair", chosenId: "bn-0", rejectedId: "bn-2", basis: "score" });
    expect(decision(off, "te")).toMatchObject({ kind: "pair", chosenId: "te-1", rejectedId: "te-2", basis: "score" });
  });

  it("skips a language where nothing may be chosen and says why", () => {
    const only = fixture().filter((c) => c.lang !== "bn" || c.id === "bn-0" || c.id === "bn-3");
    expect(decision(selectGroup(group(only), { scorer: "embedding" }), "bn")).toEqual({
      lang: "bn",
      kind: "skip",
      reason: "all_off_target",
      detail: "none of 2 candidates may be chosen: 1 mixed-language, 1 defective (loop, truncated or empty)",
    });
  });

  it("follows the run's threshold", () => {
    const lax = selectGroup(group(fixture()), { scorer: "embedding", minTargetShare: 0.5 });
    expect(decision(lax, "te")).toMatchObject({ kind: "pair", chosenId: "te-1", rejectedId: "te-2", basis: "score" });
  });

  it("never chooses a held response, for any shares and defects", () => {
    const arb = fc.array(
      fc.record({ share: fc.option(fc.double({ min: 0, max: 1, noNaN: true })), loop: fc.boolean(), x: fc.integer({ min: -3, max: 3 }) }),
      { minLength: 2, maxLength: 6 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const cands = [
          cand("en-0", "en", 0, "a", { vector: vec(1, 0) }),
          ...rows.map((r, i) =>
            cand(`de-${i}`, "de", i, `t${i}`, { vector: vec(1, r.x), targetShare: r.share, defect: r.loop ? "repetition_loop" : null }),
          ),
        ];
        const d = decision(selectGroup(group(cands), { scorer: "embedding" }), "de");
        if (d?.kind !== "pair") return;
        const chosen = cands.find((c) => c.id === d.chosenId)!;
        expect(guardStatus(chosen, { languageGuard: true, minTargetShare: 0.8 })).toBe("ok");
      }),
    );
  });
});

describe("identical samples", () => {
  it("count as agreeing peers: chrF of a text with itself is 1", () => {
    const a = "Josh made a profit of 70000 dollars.";
    const b = "The profit is 70000.";
    const s = selectGroup(group([cand("e0", "en", 0, a), cand("e1", "en", 1, a), cand("e2", "en", 2, b)]), { scorer: "lexical" });
    const ab = lexicalTextSimilarity(a, b);
    expect(score(s, "e0")).toBeCloseTo((1 + ab) / 2, 12);
    expect(score(s, "e1")).toBeCloseTo((1 + ab) / 2, 12);
    expect(score(s, "e2")).toBeCloseTo(ab, 12);
    expect(s.reference?.candidateId).toBe("e0");
  });

  it("count as agreeing answers: Cons of an answer given twice out of three is 1/2 plus the tie-break", () => {
    const s = selectGroup(
      group(
        [
          cand("e0", "en", 0, "18", { answer: "18" }),
          cand("e1", "en", 1, "18", { answer: "18" }),
          cand("e2", "en", 2, "20", { answer: "20" }),
        ],
        "18",
      ),
    );
    expect(Math.floor(score(s, "e0")! * 100) / 100).toBe(0.5);
    expect(score(s, "e0")).toBe(score(s, "e1"));
  });
});

describe("reasoning traces", () => {
  it("are removed before scoring unless the run keeps them", () => {
    const trace = "Okay, so the question asks for the profit; let me think about it very carefully.</think>";
    const cands = [cand("e0", "en", 0, `${trace}70000`), cand("e1", "en", 1, "70000"), cand("e2", "en", 2, "It is 5")];
    const s = selectGroup(group(cands), { scorer: "lexical" });
    expect(score(s, "e0")).toBeCloseTo((1 + lexicalTextSimilarity("70000", "It is 5")) / 2, 12);
    const kept = selectGroup(group(cands), { scorer: "lexical", keepReasoning: true });
    expect(score(kept, "e0")).toBeCloseTo(
      (lexicalTextSimilarity(`${trace}70000`, "70000") + lexicalTextSimilarity(`${trace}70000`, "It is 5")) / 2,
      12,
    );
  });
});
