/**
 * chrF-like character n-gram similarity (Popović 2015; sacreBLEU's chrF defaults).
 *
 * - Text is NFC-normalised and every Unicode whitespace character is removed before
 *   n-grams are taken (chrF's default), so n-grams run across word boundaries. Case is kept.
 * - n = 1..6 over Unicode code points; n-gram counts are clipped (min of both sides).
 * - Per order n: P = matches / hyp n-grams, R = matches / ref n-grams,
 *   F_β = (1 + β²)·P·R / (β²·P + R) with β = 2 (0 when P + R = 0).
 * - chrF = mean of F_β over the orders that both texts have n-grams of; 0 if there are none.
 * - `lexicalSimilarity` is symmetric: the mean of chrF(a→b) and chrF(b→a).
 *
 * A profile (ngram-table.ts) is computed once per text; comparing two profiles costs
 * one probe per distinct n-gram.
 */

import { lexicalProfile, NGRAM_MAX_ORDER, ngramMatches, ngramMatchesWithText, type LexicalProfile } from "./ngram-table";

export { lexicalProfile, type LexicalProfile };

export const LEXICAL_MAX_ORDER = NGRAM_MAX_ORDER;
export const LEXICAL_BETA = 2;

function chrFFromMatches(matches: Float64Array, hypTotals: Float64Array, refTotals: Float64Array): number {
  const beta2 = LEXICAL_BETA * LEXICAL_BETA;
  let sum = 0;
  let orders = 0;
  for (let k = 0; k < LEXICAL_MAX_ORDER; k++) {
    const th = hypTotals[k] ?? 0;
    const tr = refTotals[k] ?? 0;
    if (th === 0 || tr === 0) continue;
    const m = matches[k] ?? 0;
    const p = m / th;
    const r = m / tr;
    sum += p + r > 0 ? ((1 + beta2) * p * r) / (beta2 * p + r) : 0;
    orders++;
  }
  return orders === 0 ? 0 : sum / orders;
}

/** Directional chrF (β = 2) of a hypothesis against a reference, in [0, 1]. */
export function chrF(hyp: LexicalProfile, ref: LexicalProfile): number {
  return chrFFromMatches(ngramMatches(hyp, ref), hyp.totals, ref.totals);
}

/** Symmetric similarity in [0, 1]: (chrF(a→b) + chrF(b→a)) / 2. */
export function lexicalSimilarity(a: LexicalProfile, b: LexicalProfile): number {
  const matches = ngramMatches(a, b);
  return (chrFFromMatches(matches, a.totals, b.totals) + chrFFromMatches(matches, b.totals, a.totals)) / 2;
}

/** lexicalSimilarity(profile, lexicalProfile(text)), faster when the text is compared only once. */
export function lexicalSimilarityToText(profile: LexicalProfile, text: string): number {
  const { matches, totals } = ngramMatchesWithText(profile, text);
  return (chrFFromMatches(matches, profile.totals, totals) + chrFFromMatches(matches, totals, profile.totals)) / 2;
}

export function lexicalTextSimilarity(a: string, b: string): number {
  return lexicalSimilarity(lexicalProfile(a), lexicalProfile(b));
}
