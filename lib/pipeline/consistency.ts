/**
 * Cons (agreement of an English sample with the other English samples) and CL
 * (agreement of a response with the English reference).
 *
 * lexical / embedding:  Cons(i) = mean_{j≠i} sim(i, j);  CL(y) = sim(y, ref).
 * answer, with s the secondary similarity mapped into [0, 1], w = TIE_BREAK_WEIGHT, k = n − 1 peers,
 * A(i) = #{j≠i : a_i = a_j} and top(i) = [A(i) = k] (every peer agrees):
 *   Cons(i) = ( A(i) + w · (mean_{j≠i} s(i, j) − top(i)) ) / k
 *   CL(y)   = [a_y = a_ref] + w · (s(y, ref) − [a_y = a_ref])  =  0.99 · [same answer] + 0.01 · s
 * The tie-break sits just above the agreement share (toward the next class), except in the top
 * class, where it sits just below 1; so Cons and CL stay in [0, 1], every value below the top class
 * is the plain share plus at most w/k, and the order is [agreement, then secondary] (w < 1/2).
 * Null answers never agree. With a single scorable sample (no peers) Cons = 0.
 * Ranges: answer and lexical in [0, 1]; embedding is the cosine, in [−1, 1].
 */
import type { GroupSimilarity } from "./similarity";
import type { Candidate, ScorerName } from "./types";

export const TIE_BREAK_WEIGHT = 0.01;

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
  if (n > 2) sim.prepare(pivot);
  if (scorer !== "answer") return rowMeans(similarityMatrix(pivot, sim.base), n);
  const secondary = rowMeans(similarityMatrix(pivot, sim.unit), n);
  const out = new Float64Array(n);
  if (n < 2) return out;
  for (let i = 0; i < n; i++) {
    const a = sim.answer(pivot[i] as Candidate);
    let agree = 0;
    if (a !== null) for (let j = 0; j < n; j++) if (j !== i && sim.answer(pivot[j] as Candidate) === a) agree++;
    const top = agree === n - 1 ? 1 : 0;
    out[i] = (agree + TIE_BREAK_WEIGHT * ((secondary[i] ?? 0) - top)) / (n - 1);
  }
  return out;
}

/** CL of one candidate against the reference. */
export function crossLingualScore(candidate: Candidate, reference: Candidate, scorer: ScorerName, sim: GroupSimilarity): number {
  if (scorer !== "answer") return sim.base(candidate, reference);
  const a = sim.answer(candidate);
  const agree = a !== null && a === sim.answer(reference) ? 1 : 0;
  return agree + TIE_BREAK_WEIGHT * (sim.unit(candidate, reference) - agree);
}
