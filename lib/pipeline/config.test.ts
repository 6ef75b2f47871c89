import { describe, expect, it } from "vitest";
import { DEFAULT_SELECT_CONFIG, resolveScorer, ZSelectConfig } from "./config";
import { cand, group, vec } from "@/lib/testing/pipeline-fixtures";

describe("ZSelectConfig", () => {
  it("fills every default", () => {
    expect(DEFAULT_SELECT_CONFIG).toEqual({
      scorer: "auto",
      margin: 0,
      languageGuard: true,
      minTargetShare: 0.8,
      keepReasoning: false,
      reference: "consistency",
      pairs: "consistency",
      seed: 0,
      englishPairs: false,
      secondary: "lexical",
      surfaceVectors: false,
    });
  });

  it("rejects bad values", () => {
    expect(ZSelectConfig.safeParse({ margin: -0.1 }).success).toBe(false);
    expect(ZSelectConfig.safeParse({ seed: 1.5 }).success).toBe(false);
    expect(ZSelectConfig.safeParse({ scorer: "bleu" }).success).toBe(false);
    expect(ZSelectConfig.safeParse({ margin: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(ZSelectConfig.safeParse({ minTargetShare: 1.01 }).success).toBe(false);
  });

  it("accepts the gold reference only when asked for (an upper bound, never the default)", () => {
    expect(ZSelectConfig.parse({ reference: "gold" }).reference).toBe("gold");
    expect(ZSelectConfig.safeParse({ reference: "oracle" }).success).toBe(false);
  });
});

describe("resolveScorer (auto)", () => {
  const withVectors = [cand("e0", "en", 0, "a", { vector: vec(1) }), cand("d0", "de", 0, "b", { vector: vec(1) }), cand("e1", "en", 1, "")];

  it("keeps an explicit scorer", () => {
    expect(resolveScorer({ scorer: "lexical" }, group(withVectors, "18"))).toBe("lexical");
  });

  it("gold answer → answer", () => {
    expect(resolveScorer({ scorer: "auto" }, group(withVectors, "18"))).toBe("answer");
    expect(resolveScorer({ scorer: "auto" }, group(withVectors, "  "))).toBe("embedding");
  });

  it("every non-empty candidate has a vector → embedding (empty ones do not count)", () => {
    expect(resolveScorer({ scorer: "auto" }, group(withVectors))).toBe("embedding");
  });

  it("otherwise lexical", () => {
    expect(resolveScorer({ scorer: "auto" }, group([...withVectors, cand("d1", "de", 1, "c")]))).toBe("lexical");
    expect(resolveScorer({ scorer: "auto" }, group([]))).toBe("lexical");
  });
});
