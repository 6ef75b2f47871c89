/**
 * One chosen/rejected decision per language.
 *
 * consistency: chosen = argmax CL, rejected = argmin CL; both break ties toward the
 * earlier candidate in canonical order (lower sample index, then id), as numpy's
 * argmax/argmin do, so all-equal scores give chosen = rejected → `same_response`.
 * Guard (guard.ts): only `ok` candidates are chosen. If any are off-target, rejected is the
 * lowest-CL off-target one, else if any are mixed, the lowest-CL mixed one (basis
 * `language_guard`, no margin filter, the margin may be negative). Otherwise rejected is the
 * lowest-CL of the rest (defective ones included) and the pair is skipped when
 * CL(chosen) − CL(rejected) < margin (strictly below: with margin 0 equal scores of different texts pass).
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
import type { GuardStatus } from "./guard";
import { pickIndex, seededRandom } from "./seeded-random";
import type { Candidate, LanguageDecision, PairBasis, SkipReason } from "./types";

export interface LanguagePool {
  lang: string;
  /** Scorable candidates in canonical order. */
  candidates: readonly Candidate[];
  /** CL (or Cons, for the pivot) of each candidate. */
  scores: Float64Array;
  /** What each candidate may be (guard.ts); `ok` for all when nothing is held against them. */
  status: readonly GuardStatus[];
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

/** The highest- and lowest-scoring of `indices` (the first on ties; -1 for none). */
const highest = (pool: LanguagePool, indices: readonly number[]) => argBest(pool, indices, (a, b) => a > b);
const lowest = (pool: LanguagePool, indices: readonly number[]) => argBest(pool, indices, (a, b) => a < b);

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

function describeHeld(pool: LanguagePool): string {
  const counts = new Map<GuardStatus, number>();
  for (const s of pool.status) counts.set(s, (counts.get(s) ?? 0) + 1);
  const langs = [...new Set(pool.candidates.filter((_, i) => pool.status[i] === "off_target").map((c) => c.detectedLang ?? "?"))].sort();
  const parts: string[] = [];
  if (counts.get("off_target")) parts.push(`${counts.get("off_target")} in another language (${langs.join(", ")})`);
  if (counts.get("mixed")) parts.push(`${counts.get("mixed")} mixed-language`);
  if (counts.get("defective")) parts.push(`${counts.get("defective")} defective (loop, truncated or empty)`);
  return `none of ${pool.candidates.length} candidates may be chosen: ${parts.join(", ")}`;
}

interface Screened {
  /** May be chosen. */
  ok: number[];
  /** Preferred rejected, in this order of preference: off-target, then mixed. */
  off: number[];
  mixed: number[];
  /** Rejected by score: everything that is not held by the language guard. */
  rest: number[];
}

/** Shared preconditions; returns a skip or the candidates' index lists by what they may be. */
function screen(pool: LanguagePool): LanguageDecision | Screened {
  const n = pool.candidates.length;
  if (n < 2) return skip(pool.lang, "too_few_candidates", `${n} scorable candidate(s), ${pool.unscorable} empty or unscorable`);
  const ok = indicesWhere(pool, (i) => pool.status[i] === "ok");
  if (ok.length === 0) return skip(pool.lang, "all_off_target", describeHeld(pool));
  return {
    ok,
    off: indicesWhere(pool, (i) => pool.status[i] === "off_target"),
    mixed: indicesWhere(pool, (i) => pool.status[i] === "mixed"),
    rest: indicesWhere(pool, (i) => pool.status[i] === "ok" || pool.status[i] === "defective"),
  };
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

/** The `no_agreement` skip when no candidate that may be chosen has the reference's answer, else null. */
function noAgreement(pool: LanguagePool, ok: readonly number[], off: readonly number[], mixed: readonly number[]): LanguageDecision | null {
  const a = pool.answers;
  if (!a || ok.some((i) => a.reference !== null && a.candidates[i] === a.reference)) return null;
  const offTarget = off.length > 0 ? `; off-target: ${answerCounts(a.candidates, off)}` : "";
  const mixedLanguage = mixed.length > 0 ? `; mixed-language: ${answerCounts(a.candidates, mixed)}` : "";
  return skip(
    pool.lang,
    "no_agreement",
    `reference answer ${a.reference ?? "none"}; answers seen: ${answerCounts(a.candidates, ok)}${offTarget}${mixedLanguage}`,
  );
}

export function decideLanguagePair(pool: LanguagePool, options: PairOptions): LanguageDecision {
  const screened = screen(pool);
  if ("kind" in screened) return screened;
  const { ok, off, mixed, rest } = screened;
  if (options.mode === "random") {
    const random = seededRandom(options.seed, options.groupId, pool.lang, "pairs");
    const chosen = ok[pickIndex(random, ok.length)] ?? -1;
    const others = indicesWhere(pool, (i) => i !== chosen);
    return finish(pool, chosen, others[pickIndex(random, others.length)] ?? -1, "random", options);
  }
  const unsupported = noAgreement(pool, ok, off, mixed);
  if (unsupported) return unsupported;
  const chosen = highest(pool, ok);
  const held = off.length > 0 ? off : mixed;
  if (held.length > 0) return finish(pool, chosen, lowest(pool, held), "language_guard", options);
  if (pool.incomparable) return skip(pool.lang, "cross_script", pool.incomparable);
  return finish(pool, chosen, lowest(pool, rest), "score", options);
}

/**
 * The optional English pair: chosen = the reference, rejected = the least consistent
 * other English sample (lowest Cons; an off-target one first, then a mixed one).
 */
export function decidePivotPair(pool: LanguagePool, referenceIndex: number, options: PairOptions): LanguageDecision {
  if (pool.candidates.length < 2) {
    return skip(pool.lang, "too_few_candidates", `${pool.candidates.length} scorable candidate(s)`);
  }
  const others = indicesWhere(pool, (i) => i !== referenceIndex);
  const off = others.filter((i) => pool.status[i] === "off_target");
  const held = off.length > 0 ? off : others.filter((i) => pool.status[i] === "mixed");
  const rejected = lowest(pool, held.length > 0 ? held : others);
  return finish(pool, referenceIndex, rejected, held.length > 0 ? "language_guard" : "score", options);
}
