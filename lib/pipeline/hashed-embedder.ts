/**
 * Offline, deterministic embedder: hashed character n-grams (n = 3..5, over code
 * points of the NFC-normalised, lower-cased, whitespace-collapsed text padded with one
 * space on each side). Each n-gram adds ±1 to bucket `h mod dim`, with h a 32-bit
 * FNV-1a hash (murmur3-finalised) and the sign taken from h's top bit. The result is
 * L2-normalised; text with no characters (or, by rare cancellation, no net
 * n-gram weight) embeds to the zero vector.
 * Pure integer hashing, so the same text gives the same vector on every platform.
 */

import { fmix32 } from "./hashing";

export const HASHED_EMBEDDER_DEFAULT_DIM = 256;
export const HASHED_EMBEDDER_MIN_N = 3;
export const HASHED_EMBEDDER_MAX_N = 5;

export function hashedEmbedderModel(dim = HASHED_EMBEDDER_DEFAULT_DIM): string {
  return `cm-hashed-chargram-3-5-d${dim}`;
}

function paddedCodePoints(text: string): number[] {
  const clean = text.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
  if (clean === "") return [];
  return Array.from(` ${clean} `, (ch) => ch.codePointAt(0) ?? 0);
}

export function hashedEmbedding(text: string, dim = HASHED_EMBEDDER_DEFAULT_DIM): Float32Array {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`embedding dim must be a positive integer, got ${dim}`);
  const acc = new Float64Array(dim);
  const cps = paddedCodePoints(text);
  for (let i = 0; i < cps.length; i++) {
    let h = 0x811c9dc5;
    for (let n = 1; n <= HASHED_EMBEDDER_MAX_N && i + n <= cps.length; n++) {
      h = Math.imul(h ^ (cps[i + n - 1] ?? 0), 0x01000193);
      if (n < HASHED_EMBEDDER_MIN_N) continue;
      const f = fmix32(h ^ n) >>> 0;
      const bucket = f % dim;
      acc[bucket] = (acc[bucket] ?? 0) + (f >>> 31 === 1 ? -1 : 1);
    }
  }
  let norm = 0;
  for (let i = 0; i < dim; i++) norm += (acc[i] ?? 0) ** 2;
  const out = new Float32Array(dim);
  if (norm === 0) return out;
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < dim; i++) out[i] = (acc[i] ?? 0) * scale;
  return out;
}
