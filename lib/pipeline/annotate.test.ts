import { describe, expect, it } from "vitest";
import { annotateCandidate } from "./annotate";

describe("annotateCandidate", () => {
  it("fills detected language and answer from the text and requested language", () => {
    const c = annotateCandidate({
      id: "x",
      lang: "sw",
      sampleIndex: 2,
      text: "Mkulima ana masanduku matatu yenye matufaha sita kila moja. Kwa hiyo, jibu ni 18.",
    });
    expect(c).toEqual({
      id: "x",
      lang: "sw",
      sampleIndex: 2,
      text: c.text,
      detectedLang: "sw",
      answer: "18",
      vector: null,
      targetShare: 1,
      defect: null,
    });
  });

  it("reads dot-grouped thousands in a dot-grouping language", () => {
    expect(annotateCandidate({ id: "y", lang: "de", sampleIndex: 0, text: "Die Antwort ist 1.500." }).answer).toBe("1500");
    expect(annotateCandidate({ id: "z", lang: "en", sampleIndex: 0, text: "The answer is 1.500." }).answer).toBe("1.5");
  });
});
