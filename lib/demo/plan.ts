import type { Rng } from "./prng";
import type { TTrapRates } from "./types";

/** bad = arithmetic slip (math); early = the shared English-majority mistake (math). */
export type Outcome = "ok" | "bad" | "early" | "partial" | "off_topic";
export type Style = "plain" | "markdown" | "code" | "long";

/** What one sample will be, decided before any text is rendered. */
export interface SamplePlan {
  outcome: Outcome;
  style: Style;
  empty: boolean;
  /** Bank code used instead of the slot's language (wrong-language trap). */
  foreign?: string;
  /** Index of an earlier sample this one nearly duplicates, or -1. */
  copyOf: number;
}

export interface SlotSpec {
  k: number;
  english: boolean;
  math: boolean;
  majorityWrong: boolean;
  /** Sample index that must stay a plain, original, correct answer (the HTML slot), or -1. */
  protect: number;
  foreignChoices: readonly string[];
}

function pickStyle(r: Rng, rates: TTrapRates, math: boolean): Style {
  if (r.chance(rates.long)) return "long";
  if (r.chance(rates.markdown)) return "markdown";
  if (math && r.chance(rates.code)) return "code";
  return "plain";
}

function badOutcome(r: Rng, s: SlotSpec, rates: TTrapRates): Outcome {
  if (s.math) return "bad";
  const total = rates.partial + rates.offTopic;
  return total > 0 && r.next() * total < rates.partial ? "partial" : "off_topic";
}

function choose(r: Rng, from: number[], n: number): Set<number> {
  const pool = from.slice();
  const out = new Set<number>();
  for (let i = 0; i < n && pool.length > 0; i++) {
    const j = r.int(0, pool.length - 1);
    out.add(pool[j] as number);
    pool[j] = pool[pool.length - 1] as number;
    pool.pop();
  }
  return out;
}

function base(k: number): SamplePlan[] {
  const plans: SamplePlan[] = new Array<SamplePlan>(k);
  for (let i = 0; i < k; i++) plans[i] = { outcome: "ok", style: "plain", empty: false, copyOf: -1 };
  return plans;
}

/**
 * English keeps a strict plurality: either the correct answer (at most a few distinct dissenters,
 * so the consistency-chosen reference is right) or, for majority-wrong groups, one shared mistake.
 */
function planEnglish(r: Rng, s: SlotSpec, rates: TTrapRates): SamplePlan[] {
  const plans = base(s.k);
  const free = plans.map((_, i) => i).filter((i) => i !== s.protect);
  if (s.majorityWrong) {
    for (const i of choose(r, free, Math.floor(s.k / 2) + 1)) (plans[i] as SamplePlan).outcome = "early";
  } else {
    const badRate = s.math ? rates.wrongAnswer : rates.partial + rates.offTopic;
    let bad = 0;
    for (let i = 0; i < s.k; i++) if (r.chance(badRate)) bad++;
    bad = Math.min(bad, 2, Math.floor((s.k - 2) / 2));
    for (const i of choose(r, free, bad)) (plans[i] as SamplePlan).outcome = badOutcome(r, s, rates);
    const okFree = free.filter((i) => plans[i]?.outcome === "ok");
    if (s.k - bad - 1 >= bad + 2 && r.chance(rates.empty)) {
      for (const i of choose(r, okFree, 1)) (plans[i] as SamplePlan).empty = true;
    }
    plans.forEach((p, i) => {
      if (i === s.protect || p.empty || p.outcome !== "ok" || !r.chance(rates.nearDuplicate)) return;
      const earlier = okFree.filter((j) => j < i && !plans[j]?.empty && plans[j]?.copyOf === -1);
      if (earlier.length > 0) p.copyOf = r.pick(earlier);
    });
  }
  for (const [i, p] of plans.entries()) if (i !== s.protect && !p.empty) p.style = pickStyle(r, rates, s.math);
  return plans;
}

function planOther(r: Rng, s: SlotSpec, rates: TTrapRates): SamplePlan[] {
  const plans = base(s.k);
  const badRate = s.math ? rates.wrongAnswer : rates.partial + rates.offTopic;
  let hasEmpty = false;
  for (const [i, p] of plans.entries()) {
    if (!hasEmpty && r.chance(rates.empty)) {
      p.empty = hasEmpty = true;
      continue;
    }
    if (s.foreignChoices.length > 0 && r.chance(rates.wrongLanguage)) p.foreign = r.pick(s.foreignChoices);
    if (r.chance(badRate)) p.outcome = badOutcome(r, s, rates);
    if (i > 0 && r.chance(rates.nearDuplicate)) {
      const earlier = plans.slice(0, i).flatMap((q, j) => (q.empty || q.copyOf !== -1 || q.style === "long" ? [] : [j]));
      if (earlier.length > 0) p.copyOf = r.pick(earlier);
    }
    p.style = pickStyle(r, rates, s.math);
  }
  return plans;
}

export function planSlot(r: Rng, spec: SlotSpec, rates: TTrapRates): SamplePlan[] {
  return spec.english ? planEnglish(r, spec, rates) : planOther(r, spec, rates);
}
