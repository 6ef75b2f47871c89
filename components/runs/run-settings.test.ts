import { describe, expect, it } from "vitest";
import { ZSelectRunConfig } from "@/lib/pipeline/run-config";
import { runSettings, runSummaryLine } from "./run-settings";

const INTERNAL_KEYS = ["surfaceVectors", "chunkSize", "embeddingModel", "languageGuard", "minTargetShare", "keepReasoning", "englishPairs"];

describe("run settings in words", () => {
  it("a default select run: every setting named in words, no internal key", () => {
    const settings = runSettings("select", ZSelectRunConfig.parse({}));
    const map = Object.fromEntries(settings.map((s) => [s.label, s.value]));
    expect(map["English reference"]).toBe("the English sample most consistent with the other English samples");
    expect(map["Language guard"]).toBe(
      "on: a response in another language, or with less than 80% of its letters in its language, is never chosen and is rejected first",
    );
    expect(map["Minimum margin"]).toMatch(/^none: /);
    expect(map["English pairs"]).toBe("not made");
    expect(map["Prompt groups per work chunk"]).toBe("250");
    expect(map.Vectors).toMatch(/^the offline hashed embedder/);
    expect(map["Random seed"]).toBeUndefined();
    for (const s of settings) for (const key of INTERNAL_KEYS) expect(`${s.label} ${s.value}`).not.toContain(key);
  });

  it("a stored snapshot with an internal key (surfaceVectors) and a random baseline", () => {
    const settings = runSettings("select", {
      scorer: "lexical",
      reference: "random",
      pairs: "random",
      seed: 7,
      margin: 0.05,
      languageGuard: false,
      surfaceVectors: true,
      chunkSize: 100,
    });
    const map = Object.fromEntries(settings.map((s) => [s.label, s.value]));
    expect(map.Similarity).toBe("character n-gram overlap (chrF-like, needs no model)");
    expect(map.Vectors).toBeUndefined();
    expect(map["Random seed"]).toBe("7");
    expect(map["Minimum margin"]).toBe("0.05: a pair whose chosen scores less than 0.05 above its rejected is skipped");
    expect(map["Language guard"]).toBe("off: a response in another language can be chosen");
    expect(settings.map((s) => s.label)).not.toContain("surfaceVectors");
  });

  it("an embedding run names its model", () => {
    const map = Object.fromEntries(
      runSettings("select", { scorer: "embedding", embeddingModel: "gte-multilingual" }).map((s) => [s.label, s.value]),
    );
    expect(map.Vectors).toBe("embedding model gte-multilingual");
  });

  it("generate, embed and bulk runs", () => {
    expect(
      runSettings("generate", { model: "qwen", samples: 4, languages: ["de", "zh"], temperature: 0.9, topP: 0.95, maxTokens: 512 }),
    ).toEqual(
      expect.arrayContaining([
        { label: "Model", value: "qwen" },
        { label: "Samples per prompt and language", value: "4" },
        { label: "Languages", value: "de, zh" },
      ]),
    );
    expect(runSettings("embed", { model: null })[0]).toEqual({ label: "Model", value: "the offline hashed embedder" });
    expect(runSettings("bulk", { filter: { lang: "de", flags: [] }, spec: { action: "reject", belowMargin: 0.1 } })).toEqual([
      { label: "Action", value: "reject the pairs of the filter with a margin below 0.1" },
      { label: "Pairs", value: "lang de" },
    ]);
  });

  it("one-line summaries for the runs list", () => {
    expect(runSummaryLine("select", {})).toBe("select: automatic scorer, consistency reference, consistency pairs");
    expect(runSummaryLine("select", { reference: "first", languageGuard: false, margin: 0.1 })).toBe(
      "select: automatic scorer, first-sample reference, consistency pairs, no language guard, margin ≥ 0.1",
    );
    expect(runSummaryLine("bulk", { filter: {}, spec: { action: "accept" } })).toBe("bulk review: accept every pair of the filter");
  });
});
