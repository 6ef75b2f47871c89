import { describe, expect, it } from "vitest";
import { SKIP_REASONS } from "@/lib/pipeline/types";
import { conflictText, SKIP_TEXT, skipText } from "./pair-explanations";

describe("pair explanations", () => {
  it("explain every skip reason the pipeline can give", () => {
    for (const reason of SKIP_REASONS) expect(SKIP_TEXT[reason], reason).toBeTruthy();
  });

  it("name the reference answer and the answers seen of a no_agreement skip", () => {
    expect(skipText("no_agreement", "reference answer 18; answers seen: 16 (2), 20 (1)")).toBe(
      "no response has the English reference's answer, so the reference supports neither (reference answer 18; answers seen: 16 (2), 20 (1))",
    );
    expect(skipText("something_new", null)).toBe("something_new");
  });

  it("say why a human pair is in conflict", () => {
    expect(conflictText({ proposedSkipReason: null, proposedSkipDetail: null })).toBe("the method now proposes another pair");
    expect(conflictText({ proposedSkipReason: "no_agreement", proposedSkipDetail: "reference answer 16; answers seen: 18 (1)" })).toBe(
      "the method now proposes no pair: no response has the English reference's answer, so the reference supports neither (reference answer 16; answers seen: 18 (1))",
    );
  });
});
