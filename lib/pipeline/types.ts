import type { ResponseDefect } from "./degenerate";

/** One sampled response as the pipeline sees it. */
export interface Candidate {
  id: string;
  /** Language the response was requested in (BCP-47). */
  lang: string;
  sampleIndex: number;
  text: string;
  /** Stored result of `detectLanguage(text, lang)`; null = unknown, which the guard never treats as off-target. */
  detectedLang: string | null;
  /** Stored result of `extractAnswer(text, lang)` (canonical); null = no answer found. */
  answer: string | null;
  /** Stored embedding; null = not embedded. */
  vector: Float32Array | null;
  /** Stored share of the answer's letters in `lang` (measureLanguageShare); null or absent = not measured. */
  targetShare?: number | null;
  /** Stored defect (findDefect); null or absent = may be chosen. */
  defect?: ResponseDefect | null;
}

export interface GroupInput {
  groupId: string;
  /** Pivot (reference) language; defaults to "en". */
  pivot?: string;
  gold: string | null;
  candidates: readonly Candidate[];
}

export type ScorerName = "embedding" | "answer" | "lexical";

export const SKIP_REASONS = [
  "no_reference",
  "too_few_candidates",
  "all_off_target",
  "same_response",
  "identical_text",
  "below_margin",
  "cross_script",
  "no_gold_reference",
  "no_agreement",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * Why the chosen response beats the rejected one:
 * - `score`: higher Cons/CL (the margin filter applies);
 * - `language_guard`: the rejected response is off-target (the margin is reported, never filtered, and may be negative);
 * - `random`: the seeded random baseline (margin reported, never filtered).
 */
export type PairBasis = "score" | "language_guard" | "random";

export interface PairDecision {
  lang: string;
  kind: "pair";
  chosenId: string;
  rejectedId: string;
  scoreChosen: number;
  scoreRejected: number;
  /** scoreChosen − scoreRejected */
  margin: number;
  basis: PairBasis;
}

export interface SkipDecision {
  lang: string;
  kind: "skip";
  reason: SkipReason;
  detail?: string;
}

export type LanguageDecision = PairDecision | SkipDecision;

export interface CandidateScore {
  candidateId: string;
  kind: "cons" | "cl";
  score: number;
}

export interface ReferenceChoice {
  candidateId: string;
  cons: number;
}

export interface GroupSelection {
  groupId: string;
  scorer: ScorerName;
  reference: ReferenceChoice | null;
  /** Cons of every scorable pivot candidate, CL of every scorable other candidate (when there is a reference). */
  scores: CandidateScore[];
  /** One decision per non-pivot language (sorted by code), plus the pivot's when English pairs are on. */
  decisions: LanguageDecision[];
}
