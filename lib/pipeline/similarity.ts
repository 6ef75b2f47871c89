import { canonicalAnswer } from "./answer";
import { lexicalProfile, lexicalSimilarity, lexicalSimilarityToText, type LexicalProfile } from "./lexical";
import type { Candidate } from "./types";
import { cosine } from "./vectors";

export type BaseScorer = "lexical" | "embedding";

/**
 * Symmetric similarity between candidates of one group. Canonical answers and lexical
 * profiles are computed once per candidate and cached for the group; a candidate
 * compared while it has no profile is streamed against the other one's profile
 * (the second argument's, built if needed), which gives the identical value: a text compared
 * once (a CL) costs a stream, a text compared many times (`prepare`, Cons) one profile.
 */
export interface GroupSimilarity {
  /** lexical: chrF-sym in [0, 1]; embedding: cosine in [−1, 1]. */
  base(a: Candidate, b: Candidate): number;
  /** The base similarity mapped into [0, 1] (cosine c → (1 + c) / 2), for tie-breaks. */
  unit(a: Candidate, b: Candidate): number;
  /** Canonical answer; null never agrees with anything. */
  answer(c: Candidate): string | null;
  /**
   * Prepares candidates that will each be compared several times (a consistency matrix): a lexical
   * profile each, built once, so none of them is streamed anew per comparison. Values do not change.
   */
  prepare(items: readonly Candidate[]): void;
}

function vectorOf(c: Candidate): Float32Array {
  if (c.vector === null || c.vector.length === 0) throw new Error(`candidate ${c.id} has no vector`);
  return c.vector;
}

export function groupSimilarity(kind: BaseScorer): GroupSimilarity {
  const profiles = new Map<string, LexicalProfile>();
  const answers = new Map<string, string | null>();
  const profile = (c: Candidate): LexicalProfile => {
    let p = profiles.get(c.id);
    if (p === undefined) {
      p = lexicalProfile(c.text);
      profiles.set(c.id, p);
    }
    return p;
  };
  const lexical = (a: Candidate, b: Candidate): number => {
    const pa = profiles.get(a.id);
    if (pa === undefined) return lexicalSimilarityToText(profile(b), a.text);
    const pb = profiles.get(b.id);
    return pb === undefined ? lexicalSimilarityToText(pa, b.text) : lexicalSimilarity(pa, pb);
  };
  const base = kind === "lexical" ? lexical : (a: Candidate, b: Candidate) => cosine(vectorOf(a), vectorOf(b));
  return {
    base,
    unit: kind === "lexical" ? base : (a, b) => (1 + base(a, b)) / 2,
    prepare(items) {
      if (kind === "lexical") for (const c of items) profile(c);
    },
    answer(c) {
      if (!answers.has(c.id)) answers.set(c.id, c.answer === null ? null : canonicalAnswer(c.answer));
      return answers.get(c.id) ?? null;
    },
  };
}
