import type { Candidate } from "./types";

/** Canonical total order: language, then sample index, then id (code-unit order, locale-free). */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.lang !== b.lang) return a.lang < b.lang ? -1 : 1;
  if (a.sampleIndex !== b.sampleIndex) return a.sampleIndex - b.sampleIndex;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

export function canonicalOrder(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.id)) throw new Error(`duplicate candidate id ${JSON.stringify(c.id)}`);
    seen.add(c.id);
  }
  return [...candidates].sort(compareCandidates);
}

export function isNonEmpty(c: Candidate): boolean {
  return c.text.trim().length > 0;
}

/** Whether a scorer needs candidate vectors. */
export type VectorNeed = "lexical" | "vectors";

/**
 * A candidate can be scored when its text is non-empty and, for a scorer that reads
 * vectors, it has one. Unscorable candidates are never the reference, never a Cons
 * peer and never part of a pair.
 */
export function isScorable(c: Candidate, need: VectorNeed): boolean {
  if (!isNonEmpty(c)) return false;
  return need === "lexical" || (c.vector !== null && c.vector.length > 0);
}
