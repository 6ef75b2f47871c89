/**
 * The whole CM-Align decision for one prompt group. Candidates are put in canonical
 * order (language, sample index, id) first, so the result does not depend on input
 * order. Languages are compared exactly as given (the pivot defaults to "en").
 */
import { answersEqual } from "./answer";
import { canonicalOrder, isScorable, type VectorNeed } from "./candidates";
import { resolveScorer, ZSelectConfig, type TSelectConfig, type TSelectConfigInput } from "./config";
import { consistencyScores, crossLingualScore } from "./consistency";
import { guardStatus, type GuardStatus } from "./guard";
import { decideLanguagePair, decidePivotPair, type LanguagePool, type PairOptions } from "./pairs";
import { pickReferenceIndex } from "./reference";
import { dominantScript, majorityScript } from "./script";
import { groupSimilarity } from "./similarity";
import { readCandidate } from "./read-candidate";
import type { Candidate, CandidateScore, GroupInput, GroupSelection, LanguageDecision, ScorerName, SkipDecision } from "./types";

interface Prepared {
  config: TSelectConfig;
  scorer: ScorerName;
  pivot: string;
  pools: Map<string, { all: Candidate[]; scorable: Candidate[] }>;
  pivotScorable: Candidate[];
  cons: Float64Array;
  status: (c: Candidate) => GuardStatus;
  sim: ReturnType<typeof groupSimilarity>;
}

function vectorNeed(scorer: ScorerName, config: TSelectConfig): VectorNeed {
  return scorer === "embedding" || (scorer === "answer" && config.secondary === "embedding") ? "vectors" : "lexical";
}

function prepare(group: GroupInput, configInput: TSelectConfigInput): Prepared {
  const config = ZSelectConfig.parse(configInput);
  const scorer = resolveScorer(config, group);
  const need = vectorNeed(scorer, config);
  const pivot = group.pivot ?? "en";
  const pools = new Map<string, { all: Candidate[]; scorable: Candidate[] }>();
  for (const c of canonicalOrder(group.candidates).map((c) => readCandidate(c, config.keepReasoning))) {
    let pool = pools.get(c.lang);
    if (pool === undefined) pools.set(c.lang, (pool = { all: [], scorable: [] }));
    pool.all.push(c);
    if (isScorable(c, need)) pool.scorable.push(c);
  }
  const pivotScorable = pools.get(pivot)?.scorable ?? [];
  const sim = groupSimilarity(scorer === "answer" ? config.secondary : scorer);
  const status = (c: Candidate) => guardStatus(c, config);
  return { config, scorer, pivot, pools, pivotScorable, cons: consistencyScores(pivotScorable, scorer, sim), status, sim };
}

type Missing = Pick<SkipDecision, "reason" | "detail">;

function noReference(p: Prepared): Missing {
  const all = p.pools.get(p.pivot)?.all.length ?? 0;
  if (all === 0) return { reason: "no_reference", detail: `no ${p.pivot} candidates` };
  if (p.pivotScorable.length === 0)
    return { reason: "no_reference", detail: `no scorable ${p.pivot} candidate (${all} empty or unscorable)` };
  return {
    reason: "no_reference",
    detail: `all ${p.pivotScorable.length} scorable ${p.pivot} candidates are off-target, mixed-language or defective`,
  };
}

/** Why `--reference gold` found no reference: no gold answer, or no eligible sample with it (names the answers seen). */
function noGoldReference(p: Prepared, gold: string | null, eligible: readonly boolean[]): Missing {
  if (!eligible.includes(true)) return noReference(p);
  if (gold === null || gold.trim() === "") return { reason: "no_gold_reference", detail: "the group has no gold answer" };
  const seen = [...new Set(p.pivotScorable.filter((_, i) => eligible[i]).map((c) => c.answer ?? "none"))];
  return { reason: "no_gold_reference", detail: `no ${p.pivot} sample has the gold answer ${gold.trim()} (answers: ${seen.join(", ")})` };
}

/**
 * Why CL cannot rank a language's candidates: the scorer compares surface characters and they are
 * written in another script than the reference (chrF of Arabic against English is ~0 for all).
 * Returns the check for one group, with the reference's script read once.
 */
function crossScriptCheck(p: Prepared, reference: Candidate): (scorable: readonly Candidate[]) => string | null {
  const surface =
    p.scorer === "lexical" ? "lexical (chrF)" : p.scorer === "embedding" && p.config.surfaceVectors ? "hashed character n-gram" : null;
  const ours = surface === null ? null : dominantScript(reference.text);
  return (scorable) => {
    if (ours === null) return null;
    const theirs = majorityScript(scorable.map((c) => c.text));
    if (theirs === null || theirs === ours) return null;
    return `${surface} scores cannot compare ${theirs}-script responses with a ${ours}-script reference; score with a multilingual embedding model`;
  };
}

function decide(group: GroupInput, p: Prepared, referenceIndex: number, missing: () => Missing = () => noReference(p)): GroupSelection {
  const reference = p.pivotScorable[referenceIndex];
  const scores: CandidateScore[] = p.pivotScorable.map((c, i) => ({ candidateId: c.id, kind: "cons", score: p.cons[i] ?? 0 }));
  const decisions: LanguageDecision[] = [];
  const options: PairOptions = {
    mode: p.config.pairs,
    margin: p.config.margin,
    seed: p.config.seed,
    groupId: group.groupId,
  };
  const pivotPool = (): LanguagePool => ({
    lang: p.pivot,
    candidates: p.pivotScorable,
    scores: p.cons,
    status: p.pivotScorable.map(p.status),
    unscorable: (p.pools.get(p.pivot)?.all.length ?? 0) - p.pivotScorable.length,
  });
  if (p.config.englishPairs) {
    decisions.push(
      reference === undefined ? { lang: p.pivot, kind: "skip", ...missing() } : decidePivotPair(pivotPool(), referenceIndex, options),
    );
  }
  const langs = [...p.pools.keys()].filter((l) => l !== p.pivot).sort();
  const incomparable = reference === undefined ? null : crossScriptCheck(p, reference);
  for (const lang of langs) {
    const { all, scorable } = p.pools.get(lang) ?? { all: [], scorable: [] };
    if (reference === undefined) {
      decisions.push({ lang, kind: "skip", ...missing() });
      continue;
    }
    const cl = new Float64Array(scorable.map((c) => crossLingualScore(c, reference, p.scorer, p.sim)));
    scorable.forEach((c, i) => scores.push({ candidateId: c.id, kind: "cl", score: cl[i] ?? 0 }));
    const pool = {
      lang,
      candidates: scorable,
      scores: cl,
      status: scorable.map(p.status),
      unscorable: all.length - scorable.length,
      incomparable: incomparable?.(scorable) ?? null,
      answers: p.scorer === "answer" ? { reference: p.sim.answer(reference), candidates: scorable.map((c) => p.sim.answer(c)) } : null,
    };
    decisions.push(decideLanguagePair(pool, options));
  }
  return {
    groupId: group.groupId,
    scorer: p.scorer,
    reference: reference === undefined ? null : { candidateId: reference.id, cons: p.cons[referenceIndex] ?? 0 },
    scores,
    decisions,
  };
}

/** Reference by the configured rule (consistency / first / random / gold), then pairs in every language. */
export function selectGroup(group: GroupInput, config: TSelectConfigInput = {}): GroupSelection {
  const p = prepare(group, config);
  const eligible = p.pivotScorable.map((c) => p.status(c) === "ok");
  const gold = p.config.reference === "gold";
  const matchesGold = gold ? p.pivotScorable.map((c) => answersEqual(c.answer, group.gold)) : [];
  const index = pickReferenceIndex(p.cons, eligible, p.config.reference, p.config.seed, group.groupId, matchesGold);
  return decide(group, p, index, gold ? () => noGoldReference(p, group.gold, eligible) : undefined);
}

/**
 * Same as selectGroup with a reference fixed by a human (reference correction). The
 * reference must be a scorable pivot candidate; neither the guard nor a defect overrules a human.
 */
export function selectGroupWithReference(group: GroupInput, config: TSelectConfigInput, referenceCandidateId: string): GroupSelection {
  const p = prepare(group, config);
  const index = p.pivotScorable.findIndex((c) => c.id === referenceCandidateId);
  if (index < 0) {
    throw new Error(`reference ${JSON.stringify(referenceCandidateId)} is not a scorable ${p.pivot} candidate of group ${group.groupId}`);
  }
  return decide(group, p, index);
}
