/** Builders for hand-made groups used by the selection tests. */
import type { Candidate, GroupInput } from "../pipeline/types";

export function cand(
  id: string,
  lang: string,
  sampleIndex: number,
  text: string,
  extra: Partial<Pick<Candidate, "detectedLang" | "answer" | "vector" | "targetShare" | "defect">> = {},
): Candidate {
  return {
    id,
    lang,
    sampleIndex,
    text,
    detectedLang: extra.detectedLang ?? lang,
    answer: extra.answer ?? null,
    vector: extra.vector ?? null,
    targetShare: extra.targetShare ?? null,
    defect: extra.defect ?? null,
  };
}

export const vec = (...xs: number[]) => Float32Array.from(xs);

export function group(candidates: Candidate[], gold: string | null = null, groupId = "g1"): GroupInput {
  return { groupId, gold, candidates };
}

/**
 * Embedding fixture. English vectors a = (1, 0), b = (3, 4), c = (0, 1):
 * cos(a, b) = 3/5, cos(a, c) = 0, cos(b, c) = 4/5, so Cons = 0.3, 0.7, 0.4 and b is
 * the reference. Against b: (4, 3) → 24/25, (0, 1) → 4/5, (1, 0) → 3/5, (−1, 0) → −3/5, (3, 4) → 1.
 */
export function embeddingFixture(): Candidate[] {
  return [
    cand("en-a", "en", 0, "alpha", { vector: vec(1, 0) }),
    cand("en-b", "en", 1, "bravo", { vector: vec(3, 4) }),
    cand("en-c", "en", 2, "charlie", { vector: vec(0, 1) }),
    cand("en-empty", "en", 3, "   ", { vector: vec(3, 4) }),
    cand("de-0", "de", 0, "eins", { vector: vec(4, 3) }),
    cand("de-1", "de", 1, "zwei", { vector: vec(0, 1) }),
    cand("de-2", "de", 2, "drei", { vector: vec(1, 0) }),
    cand("de-3", "de", 3, "vier", { vector: vec(-1, 0) }),
    cand("zh-0", "zh", 0, "一", { vector: vec(3, 4) }),
    cand("zh-1", "zh", 1, "", { vector: null }),
    cand("sw-0", "sw", 0, "one in English", { vector: vec(3, 4), detectedLang: "en" }),
    cand("sw-1", "sw", 1, "moja", { vector: vec(4, 3) }),
    cand("sw-2", "sw", 2, "mbili", { vector: vec(1, 0) }),
    cand("ar-0", "ar", 0, "واحد", { vector: vec(0, 1) }),
    cand("ar-1", "ar", 1, "اثنان", { vector: vec(0, 1) }),
    cand("hi-0", "hi", 0, "एक", { vector: vec(4, 3) }),
    cand("hi-1", "hi", 1, " एक ", { vector: vec(1, 0) }),
  ];
}
