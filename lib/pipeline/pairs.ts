/**
 * One chosen/rejected decision per language.
 *
 * consistency: chosen = argmax CL, rejected = argmin CL; both break ties toward the
 * earlier candidate in canonical order (lower sample index, then id), as numpy's
 * argmax/argmin do, so all-equal scores give chosen = rejected → `same_response`.
 * Language guard: off-target candidates are never chosen; if any exist, rejected is
 * the lowest-CL off-target one (basis `language_guard`, no margin filter, the margin
 * may be negative). Otherwise a pair is skipped when CL(chosen) − CL(rejected) < margin
 * (strictly below: with margin 0 equal scores of different texts pass).
 * random: chosen uniform over eligible (on-target when guarded) candidates, rejected
 * uniform over the rest, drawn from (seed, groupId, lang) alone; no margin filter.
 * Texts that are equal after trimming are `identical_text`.
 * A score pair whose scores cannot rank the candidates (a surface scorer across scripts) is
 * `cross_script`; a language-guard pair still stands (on-target beats off-target either way).
 * Answer scorer: when no on-target candidate's answer equals the reference's, the reference
 * supports neither response and the language is `no_agreement` (detail: the reference answer and
 * the answers seen, with counts). This holds for a language-guard pair too: with no on-target
 * response that agrees there is nothing to choose, and "on-target but wrong" is no better than
 * "off-target" for the method. Random pairs (a baseline that ignores scores) are not filtered, nor
 * is the optional English pair (its chosen is the reference itself).
 */
import { pickIndex, seededRandom } from "./seeded-random";
import type { Candidate, LanguageDecision, PairBasis, SkipReason } from "./types";

export interface LanguagePool {
  lang: string;
  /** Scorable candidates in canonical order. */
  candidates: readonly Candidate[];
  /** CL (or Cons, for the pivot) of each candidate. */
  scores: Float64Array;
  /** Off-target flags; all false when the guard is off. */
  offTarget: readonly boolean[];
  /** How many candidates of this language were not scorable. */
  unscorable: number;
  /** Why the scores cannot rank these candidates (a surface scorer across scripts), or null. */
  incomparable?: string | null;
  /** Answer scorer only: the reference's canonical answer and each candidate's (null = none found). */
  answers?: AnswerAgreement | null;
}

export interface AnswerAgreement {
  reference: string | null;
  candidates: readonly (string | null)[];
}

export interface PairOptions {
  mode: "consistency" | "random";
  guard: boolean;
  margin: number;
  seed: number;
  groupId: string;
}

function skip(lang: string, reason: SkipReason, detail: string): LanguageDecision {
  return { lang, kind: "skip", reason, detail };
}

function argBest(pool: LanguagePool, indices: readonly number[], better: (a: number, b: number) => boolean): number {
  let best = indices[0] ?? -1;
  for (const i of indices) if (better(pool.scores[i] ?? 0, pool.scores[best] ?? 0)) best = i;
  return best;
}

function indicesWhere(pool: LanguagePool, keep: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < pool.candidates.length; i++) if (keep(i)) out.push(i);
  return out;
}

function finish(pool: LanguagePool, chosen: number, rejected: number, basis: PairBasis, options: PairOptions): LanguageDecision {
  const c = pool.candidates[chosen];
  const r = pool.candidates[rejected];
  if (c === undefined || r === undefined || chosen === rejected) {
    return skip(pool.lang, "same_response", "every candidate has the same score");
  }
  if (c.text.trim() === r.text.trim()) return skip(pool.lang, "identical_text", "chosen and rejected texts are identical");
  const scoreChosen = pool.scores[chosen] ?? 0;
  const scoreRejected = pool.scores[rejected] ?? 0;
  const margin = scoreChosen - scoreRejected;
  if (basis === "score" && margin < options.margin) {
    return skip(pool.lang, "below_margin", `margin ${margin} < ${options.margin}`);
  }
  return { lang: pool.lang, kind: "pair", chosenId: c.id, rejectedId: r.id, scoreChosen, scoreRejected, margin, basis };
}

/** Shared preconditions; returns a skip or the eligible-to-be-chosen and off-target index lists. */
function screen(pool: LanguagePool, options: PairOptions): LanguageDecision | { onTarget: number[]; off: number[] } {
  const n = pool.candidates.length;
  if (n < 2) return skip(pool.lang, "too_few_candidates", `${n} scorable candidate(s), ${pool.unscorable} empty or unscorable`);
  const off = options.guard ? indicesWhere(pool, (i) => pool.offTarget[i] === true) : [];
  const onTarget = indicesWhere(pool, (i) => !options.guard || pool.offTarget[i] !== true);
  if (onTarget.length === 0) {
    const langs = [...new Set(pool.candidates.map((c) => c.detectedLang ?? "?"))].sort().join(", ");
    return skip(pool.lang, "all_off_target", `all ${n} candidates detected as another language (${langs})`);
  }
  return { onTarget, off };
}

function answerCounts(answers: readonly (string | null)[], indices: readonly number[]): string {
  const counts = new Map<string | null, number>();
  for (const i of indices) counts.set(answers[i] ?? null, (counts.get(answers[i] ?? null) ?? 0) + 1);
  const order = (a: string | null) => (a === null ? 1 : 0);
  return [...counts]
    .sort(([a, m], [b, n]) => order(a) - order(b) || n - m || (a ?? "").localeCompare(b ?? "", "en", { numeric: true }))
    .map(([answer, n]) => `${answer ?? "none"} (${n})`)
    .join(", ");
}

/** The `no_agreement` skip when no on-target candidate has the reference's answer, else null. */
function noAgreement(pool: LanguagePool, onTarget: readonly number[], off: readonly number[]): LanguageDecision | null {
  const a = pool.answers;
  if (!a || onTarget.some((i) => a.reference !== null && a.candidates[i] === a.reference)) return null;
  const offTarget = off.length > 0 ? `; off-target: ${answerCounts(a.candidates, off)}` : "";
  return skip(pool.lang, "no_agreement", `reference answer ${a.reference ?? "none"}; answers seen: ${answerCounts(a.candidates, onTarget)}${offTarget}`);
}

export function decideLanguagePair(pool: LanguagePool, options: PairOptions): LanguageDecision {
  const screened = screen(pool, options);
  if ("kind" in screened) return screened;
  const { onTarget, off } = screened;
  if (options.mode === "random") {
    const random = seededRandom(options.seed, options.groupId, pool.lang, "pairs");
    const chosen = onTarget[pickIndex(random, onTarget.length)] ?? -1;
    const rest = indicesWhere(pool, (i) => i !== chosen);
    return finish(pool, chosen, rest[pickIndex(random, rest.length)] ?? -1, "random", options);
  }
  const unsupported = noAgreement(pool, onTarget, off);
  if (unsupported) return unsupported;
  const chosen = argBest(pool, onTarget, (a, b) => a > b);
  if (off.length > 0) return finish(pool, chosen, argBest(pool, off, (a, b) => a < b), "language_guard", options);
  if (pool.incomparable) return skip(pool.lang, "cross_script", pool.incomparable);
  return finish(pool, chosen, argBest(pool, onTarget, (a, b) => a < b), "score", options);
}

/**
 * The optional English pair: chosen = the reference, rejected = the least consistent
 * other English sample (lowest Cons; with the guard, an off-target one first).
 */
export function decidePivotPair(pool: LanguagePool, referenceIndex: number, options: PairOptions): LanguageDecision {
  if (pool.candidates.length < 2) {
    return skip(pool.lang, "too_few_candidates", `${pool.candidates.length} scorable candidate(s)`);
  }
  const others = indicesWhere(pool, (i) => i !== referenceIndex);
  const off = options.guard ? others.filter((i) => pool.offTarget[i] === true) : [];
  const rejected = argBest(pool, off.length > 0 ? off : others, (a, b) => a < b);
  return finish(pool, referenceIndex, rejected, off.length > 0 ? "language_guard" : "score", options);
}
