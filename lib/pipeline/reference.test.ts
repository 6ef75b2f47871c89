import { describe, expect, it } from "vitest";
import { pickReferenceIndex } from "./reference";
import { selectGroup } from "./select-group";
import { cand, group } from "@/lib/testing/pipeline-fixtures";
import type { GroupSelection } from "./types";

const scoreOf = (s: GroupSelection, id: string) => s.scores.find((x) => x.candidateId === id)?.score;

describe("references", () => {
  const english = [
    cand("e0", "en", 0, ""),
    cand("e1", "en", 1, "the farmer has 18 apples"),
    cand("e2", "en", 2, "the farmer has 18 apples in all"),
    cand("e3", "en", 3, "das sind achtzehn Äpfel", { detectedLang: "de" }),
    cand("d0", "de", 0, "achtzehn"),
    cand("d1", "de", 1, "zwanzig"),
  ];

  it("first = lowest non-empty sample", () => {
    expect(selectGroup(group(english), { scorer: "lexical", reference: "first" }).reference?.candidateId).toBe("e1");
  });

  it("random is seeded by (seed, group id) and never picks an empty or off-target sample", () => {
    const picks = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const a = selectGroup(group(english), { scorer: "lexical", reference: "random", seed });
      const b = selectGroup(group([...english].reverse()), { scorer: "lexical", reference: "random", seed });
      expect(b.reference).toEqual(a.reference);
      picks.add(a.reference?.candidateId ?? "none");
    }
    expect([...picks].sort()).toEqual(["e1", "e2"]);
  });

  it("off-target English samples stay Cons peers but cannot be the reference", () => {
    const s = selectGroup(group(english), { scorer: "lexical" });
    expect(scoreOf(s, "e3")).toBeDefined();
    expect(["e1", "e2"]).toContain(s.reference?.candidateId);
  });

  it("no non-empty English → no reference, every language skipped", () => {
    const s = selectGroup(group([cand("e0", "en", 0, " "), cand("d0", "de", 0, "a"), cand("d1", "de", 1, "b")]), {});
    expect(s.reference).toBeNull();
    expect(s.decisions).toEqual([
      { lang: "de", kind: "skip", reason: "no_reference", detail: "no scorable en candidate (1 empty or unscorable)" },
    ]);
  });

  it("all candidates of a language off-target → all_off_target", () => {
    const s = selectGroup(
      group([cand("e0", "en", 0, "x"), cand("s0", "sw", 0, "a", { detectedLang: "en" }), cand("s1", "sw", 1, "b", { detectedLang: "en" })]),
      {},
    );
    expect(s.decisions[0]).toMatchObject({ lang: "sw", kind: "skip", reason: "all_off_target" });
  });

  it("a non-default pivot works the same way", () => {
    const s = selectGroup({ groupId: "g", pivot: "de", gold: null, candidates: english }, { scorer: "lexical" });
    expect(s.reference?.candidateId).toBe("d0");
    expect(s.decisions.map((d) => d.lang)).toEqual(["en"]);
  });
});

describe("gold reference (upper bound)", () => {
  it("picks the most consistent eligible candidate with the gold answer; ties → lower sample index", () => {
    const cons = Float64Array.from([0.5, 0.9, 0.9, 0.9]);
    const eligible = [true, true, true, false];
    const matches = [true, false, true, true];
    expect(pickReferenceIndex(cons, eligible, "consistency", 0, "g", matches)).toBe(1);
    expect(pickReferenceIndex(cons, eligible, "gold", 0, "g", matches)).toBe(2);
    expect(pickReferenceIndex(cons, eligible, "gold", 0, "g", [false, false, false, true])).toBe(-1);
    expect(pickReferenceIndex(cons, eligible, "gold", 0, "g")).toBe(-1);
  });

  const english = [
    cand("e0", "en", 0, "twenty apples", { answer: "20" }),
    cand("e1", "en", 1, "eighteen apples", { answer: "18" }),
    cand("e2", "en", 2, "achtzehn Äpfel", { answer: "18", detectedLang: "de" }),
    cand("d0", "de", 0, "achtzehn", { answer: "18" }),
    cand("d1", "de", 1, "zwanzig", { answer: "20" }),
  ];

  it("the reference has the gold answer (compared canonically), never an off-target sample", () => {
    const s = selectGroup(group(english, "18.0"), { scorer: "answer", reference: "gold" });
    expect(s.reference?.candidateId).toBe("e1");
    expect(s.decisions).toEqual([expect.objectContaining({ lang: "de", kind: "pair", chosenId: "d0", rejectedId: "d1" })]);
  });

  it("without a sample with the gold answer, every pair of the group is skipped as no_gold_reference", () => {
    const s = selectGroup(group(english, "7"), { scorer: "answer", reference: "gold", englishPairs: true });
    expect(s.reference).toBeNull();
    const detail = "no en sample has the gold answer 7 (answers: 20, 18)";
    expect(s.decisions).toEqual([
      { lang: "en", kind: "skip", reason: "no_gold_reference", detail },
      { lang: "de", kind: "skip", reason: "no_gold_reference", detail },
    ]);
    expect(selectGroup(group(english, null), { scorer: "lexical", reference: "gold" }).decisions).toEqual([
      { lang: "de", kind: "skip", reason: "no_gold_reference", detail: "the group has no gold answer" },
    ]);
  });

  it("no eligible English sample at all stays no_reference", () => {
    const s = selectGroup(group([cand("e0", "en", 0, " ", { answer: "18" }), cand("d0", "de", 0, "a")], "18"), { reference: "gold" });
    expect(s.decisions).toEqual([
      { lang: "de", kind: "skip", reason: "no_reference", detail: "no scorable en candidate (1 empty or unscorable)" },
    ]);
  });
});
