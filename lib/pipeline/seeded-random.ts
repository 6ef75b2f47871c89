import { fnv1a32 } from "./hashing";

export { fnv1a32 };

/** mulberry32: a small deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator determined only by the run seed and the given keys (e.g. group id,
 * language, purpose), so draws do not depend on the order groups are processed in.
 */
export function seededRandom(seed: number, ...keys: string[]): () => number {
  return mulberry32(fnv1a32([String(seed), ...keys].join("\u0000")));
}

export function pickIndex(random: () => number, length: number): number {
  if (length <= 0) throw new RangeError("pickIndex on an empty range");
  return Math.min(length - 1, Math.floor(random() * length));
}
