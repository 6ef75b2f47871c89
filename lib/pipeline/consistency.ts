/**
 * Cons (agreement of an English sample with the other English samples) and CL
 * (agreement of a response with the English reference).
 *
 * lexical / embedding:  Cons(i) = mean_{j≠i} sim(i, j);  CL(y) = sim(y, ref).
 * answer, with s the secondary similarity mapped into [0, 1] and w = TIE_BREAK_WEIGHT:
 *   Cons(i) = ( (1 − w) · #{j≠i : a_i = a_j} + w · mean_{j≠i} s(i, j) ) / (n − 1)
 *   CL(y)   = (1 − w) · [a_y = a_ref] + w · s(y, ref)
 * so both stay in [0, 1] (all agree and s = 1 gives exactly 1). One agreement step is
 * 0.99/(n − 1) for Cons and 0.99 for CL; the tie-break adds at most 0.01/(n − 1) resp. 0.01,
 * so it only orders candidates inside the same agreement class (the order is that of
 * [agreement, then secondary]).
 * Null answers never agree. With a single scorable sample (no peers) Cons = 0.
 * Ranges: answer and lexical in [0, 1]; embedding is the cosine, in [−1, 1].
 */
import type { GroupSimilarity } from "./similarity";
import type { Candidate, ScorerName } from "./types";

export const TIE_BREAK_WEIGHT = 0.01;
/** 1 − TIE_BREAK_WEIGHT: the weight of one agreement. */
export const AGREEMENT_WEIGHT = 0.99;

/** K×K similarity matrix (row-major, diagonal 0) over `items` in the given order. */
export function similarityMatrix(items: readonly Candidate[], sim: (a: Candidate, b: Candidate) => number): Float64Array {
  const n = items.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = sim(items[i] as Candidate, items[j] as Candidate);
      m[i * n + j] = s;
      m[j * n + i] = s;
    }
  }
  return m;
}

function rowMeans(m: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  if (n < 2) return out;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) if (j !== i) sum += m[i * n + j] ?? 0;
    out[i] = sum / (n - 1);
  }
  return out;
}

/** Cons of each scorable pivot candidate, in the order given. */
export function consistencyScores(pivot: readonly Candidate[], scorer: ScorerName, sim: GroupSimilarity): Float64Array {
  const n = pivot.length;
  if (scorer !== "answer") return rowMeans(similarityMatrix(pivot, sim.base), n);
  const secondary = rowMeans(similarityMatrix(pivot, sim.unit), n);
  const out = new Float64Array(n);
  if (n < 2) return out;
  for (let i = 0; i < n; i++) {
    const a = sim.answer(pivot[i] as Candidate);
    let agree = 0;
    if (a !== null) for (let j = 0; j < n; j++) if (j !== i && sim.answer(pivot[j] as Candidate) === a) agree++;
    out[i] = (AGREEMENT_WEIGHT * agree + TIE_BREAK_WEIGHT * (secondary[i] ?? 0)) / (n - 1);
  }
  return out;
}

/** CL of one candidate against the reference. */
export function crossLingualScore(candidate: Candidate, reference: Candidate, scorer: ScorerName, sim: GroupSimilarity): number {
  if (scorer !== "answer") return sim.base(candidate, reference);
  const a = sim.answer(candidate);
  const agree = a !== null && a === sim.answer(reference) ? AGREEMENT_WEIGHT : 0;
  return agree + TIE_BREAK_WEIGHT * sim.unit(candidate, reference);
}
