import { describe, expect, it } from "vitest";
import { modelUsage } from "./model-usage";
import { chosenOnTargetByLanguage, selectionBoundsByLanguage, type ResponseAnswer } from "./quality";
import { isOnTarget, targetStatus } from "./target";

describe("on-target", () => {
  it("is the guard's notion: a known other language is off-target, an unknown detection is not", () => {
    expect(targetStatus({ detectedLang: "de" }, "de")).toBe("on_target");
    expect(targetStatus({ detectedLang: "en" }, "de")).toBe("off_target");
    expect(isOnTarget({ detectedLang: null }, "sw")).toBe(true);
  });

  it("is not on-target when mixed, and off-target wins over mixed", () => {
    expect(targetStatus({ detectedLang: "bn", mixed: true }, "bn")).toBe("mixed");
    expect(targetStatus({ detectedLang: "en", mixed: true }, "bn")).toBe("off_target");
    expect(isOnTarget({ detectedLang: null, mixed: true }, "bn")).toBe(false);
  });
});

// Hand-made: 4 groups, 2 languages. g3 has no gold and is left out.
const r = (
  groupId: string,
  lang: string,
  detectedLang: string | null,
  answer: string | null,
  gold: string | null,
  count?: number,
): ResponseAnswer => ({ groupId, lang, detectedLang, answer, gold, count });
const responses = [
  r("g1", "de", "de", "18", "18"),
  r("g1", "de", "de", "20", "18", 3),
  r("g1", "de", "en", "18", "18"),
  r("g1", "sw", "sw", "20", "18"),
  r("g1", "sw", "sw", "20", "18"),
  r("g2", "de", "de", "5", "5.0"),
  r("g2", "de", "de", "5", "5.0"),
  r("g2", "sw", "en", "5", "5.0"),
  r("g2", "sw", null, "5", "5.0"),
  r("g3", "de", "de", "7", null),
  r("g4", "de", "en", "3", "3"),
  r("g4", "de", "de", null, "3"),
];

describe("selection bounds", () => {
  it("oracle and random on-target pick per language, exact", () => {
    // de: g1 1 of 4 on-target correct, g2 2 of 2, g4 0 of 1 (the correct one is off-target).
    // sw: g1 0 of 2, g2 1 of 1 (unknown detection counts as on-target).
    expect(selectionBoundsByLanguage(responses)).toEqual([
      { lang: "de", groups: 3, oracle: 2 / 3, randomOnTarget: (0.25 + 1 + 0) / 3 },
      { lang: "sw", groups: 2, oracle: 1 / 2, randomOnTarget: 1 / 2 },
    ]);
  });

  it("a group with no on-target response counts as 0 for both; no gold group → no row", () => {
    expect(selectionBoundsByLanguage([r("g", "de", "en", "1", "1")])).toEqual([{ lang: "de", groups: 1, oracle: 0, randomOnTarget: 0 }]);
    expect(selectionBoundsByLanguage([r("g", "de", "de", "1", " ")])).toEqual([]);
  });

  it("chosen on-target share per language", () => {
    const out = chosenOnTargetByLanguage([
      { lang: "de", detectedLang: "de", count: 3 },
      { lang: "de", detectedLang: "en", count: 1 },
      { lang: "sw", detectedLang: null, count: 2 },
    ]);
    expect(Object.fromEntries(out)).toEqual({ de: { pairs: 4, chosenOnTarget: 0.75 }, sw: { pairs: 2, chosenOnTarget: 1 } });
  });
});

describe("model usage", () => {
  it("sums per model and language, off-target from the detection; unnamed models last", () => {
    expect(
      modelUsage([
        { model: "m1", lang: "de", detectedLang: "de", responses: 5, chosen: 1, rejected: 0 },
        { model: null, lang: "de", detectedLang: "de", responses: 1, chosen: 0, rejected: 0 },
        { model: "m1", lang: "de", detectedLang: "en", responses: 2, chosen: 0, rejected: 1 },
        { model: "m0", lang: "sw", detectedLang: "sw", responses: 3, chosen: 1, rejected: 1 },
        { model: "m1", lang: "bn", detectedLang: "bn", responses: 1, chosen: 1, rejected: 0 },
      ]),
    ).toEqual([
      { model: "m0", lang: "sw", responses: 3, chosen: 1, rejected: 1, offTarget: 0, mixed: 0 },
      { model: "m1", lang: "bn", responses: 1, chosen: 1, rejected: 0, offTarget: 0, mixed: 0 },
      { model: "m1", lang: "de", responses: 7, chosen: 1, rejected: 1, offTarget: 2, mixed: 0 },
      { model: null, lang: "de", responses: 1, chosen: 0, rejected: 0, offTarget: 0, mixed: 0 },
    ]);
  });
});
