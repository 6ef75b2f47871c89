import { describe, expect, it } from "vitest";
import { detectLanguage, extractAnswer } from "@/lib/pipeline";
import { completeChat, sampleText } from "./completions";
import { faultFromHeader } from "./faults";

const DE = "Tom hat 3 Tüten mit je 6 Äpfeln. Wie viele Äpfel hat er?";

describe("mock completions", () => {
  it("are deterministic and distinct for 16 samples of one prompt", () => {
    const texts = Array.from({ length: 16 }, (_, k) => sampleText(DE, k));
    expect(new Set(texts).size).toBe(16);
    expect(Array.from({ length: 16 }, (_, k) => sampleText(DE, k))).toEqual(texts);
  });

  it("answer in the prompt's language except key ≡ 2 (mod 5), and wrongly when key ≡ 1 (mod 4)", () => {
    expect([0, 1, 2, 3, 7].map((k) => detectLanguage(sampleText(DE, k)))).toEqual(["de", "de", "en", "de", "en"]);
    expect([0, 1, 3, 4, 5].map((k) => extractAnswer(sampleText(DE, k), "de"))).toEqual(["9", "11", "9", "9", "12"]);
  });

  it("n choices with seed s are samples s..s+n-1; max_tokens cuts with finish_reason length", () => {
    const choices = completeChat([{ role: "user", content: DE }], { n: 3, seed: 5 });
    expect(choices.map((c) => c.text)).toEqual([5, 6, 7].map((k) => sampleText(DE, k)));
    expect(completeChat([{ role: "user", content: DE }], { n: 1, maxTokens: 3 })[0]!.finishReason).toBe("length");
  });

  it("parses fault headers", () => {
    expect(faultFromHeader("slow:250")).toMatchObject({ kind: "slow", delayMs: 250 });
    expect(faultFromHeader("429:2")).toMatchObject({ kind: "429", retryAfterSeconds: 2 });
    expect(faultFromHeader("nonsense")).toBe(null);
  });
});
