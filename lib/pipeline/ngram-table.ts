/**
 * Character n-gram counts (n = 1..6) of a text in a compact hash table, and clipped
 * match counts between two texts. See lexical.ts for the text normalisation and the
 * chrF formula built on top.
 *
 * Each distinct n-gram is stored as a 52-bit hash (two 32-bit lanes; a collision of two
 * different n-grams has probability ~2⁻⁵², which is ignored) in an open-addressing
 * table. The hot loops only call functions of this module: calls through an imported
 * binding cost a namespace lookup each under some loaders (vite-node's SSR transform).
 */
import {
  charSlot,
  codePointsWithoutSpace,
  compact,
  NGRAM_MAX_ORDER,
  ngramTotals,
  scratchTable,
  type LexicalProfile,
  type NgramTable,
} from "./ngram-buffers";

export { NGRAM_MAX_ORDER, type LexicalProfile };

const LANE_SEED_1 = 0x811c9dc5;
const LANE_SEED_2 = 0x2545f491;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const stepLane1 = (h: number, cp: number): number => Math.imul(h ^ cp, 0x01000193);
const stepLane2 = (h: number, cp: number): number => Math.imul(h ^ cp, 0x9e3779b1);
const ngramHi = (h1: number, n: number): number => mix(h1 ^ Math.imul(n, 0x27d4eb2f));
const ngramLo = (h2: number, n: number): number => mix(h2 + n) >>> 12;

/** Entry index of an n-gram (lanes h1 → hi, h2) in p, or −1 − (free slot) when absent. */
function findSlot(p: NgramTable, hi: number, h2: number, order: number): number {
  const { slots, mask, hi: his, lo: los, orders } = p;
  let slot = hi & mask;
  for (;;) {
    const entry = slots[slot] as number;
    if (entry === 0) return -1 - slot;
    const e = entry - 1;
    if (his[e] === hi && orders[e] === order && los[e] === ngramLo(h2, order)) return e;
    slot = (slot + 1) & mask;
  }
}

/**
 * Calls visit(hi, h2, n) for every n-gram (n = 1..NGRAM_MAX_ORDER) of the code points, by start
 * position and then by length; visit returns false to skip the longer n-grams at that position.
 */
function forEachNgram(cps: Int32Array, visit: (hi: number, h2: number, n: number) => boolean): void {
  const len = cps.length;
  for (let i = 0; i < len; i++) {
    let h1 = LANE_SEED_1;
    let h2 = LANE_SEED_2;
    const top = Math.min(NGRAM_MAX_ORDER, len - i);
    for (let n = 1; n <= top; n++) {
      const cp = cps[i + n - 1] as number;
      h1 = stepLane1(h1, cp);
      h2 = stepLane2(h2, cp);
      if (!visit(ngramHi(h1, n), h2, n)) break;
    }
  }
}

export function lexicalProfile(text: string): LexicalProfile {
  const cps = codePointsWithoutSpace(text);
  const len = cps.length;
  const totals = ngramTotals(len);
  const t = scratchTable(totals.reduce((a, b) => a + b, 0));
  const { hi: his, lo: los, orders, counts, slots } = t;
  let size = 0;
  forEachNgram(cps, (hi, h2, n) => {
    const found = findSlot(t, hi, h2, n);
    if (found >= 0) {
      counts[found] = (counts[found] as number) + 1;
    } else {
      his[size] = hi;
      los[size] = ngramLo(h2, n);
      orders[size] = n;
      counts[size] = 1;
      slots[-1 - found] = ++size;
    }
    return true;
  });
  return compact(t, size, totals, cps);
}

/** Clipped n-gram matches per order (index n − 1); symmetric in its arguments. */
export function ngramMatches(a: LexicalProfile, b: LexicalProfile): Float64Array {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const matches = new Float64Array(NGRAM_MAX_ORDER);
  const { hi, lo, orders, counts, size } = small;
  const { slots, mask, hi: largeHi, lo: largeLo, orders: largeOrders, counts: largeCounts } = large;
  for (let e = 0; e < size; e++) {
    const h = hi[e] as number;
    let slot = h & mask;
    for (;;) {
      const entry = slots[slot] as number;
      if (entry === 0) break;
      const o = entry - 1;
      if (largeHi[o] === h && largeLo[o] === lo[e] && largeOrders[o] === orders[e]) {
        const c = counts[e] as number;
        const d = largeCounts[o] as number;
        const k = (orders[e] as number) - 1;
        matches[k] = (matches[k] as number) + (c < d ? c : d);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return matches;
}

/** Per-entry hit counts of the last streamed text (reused; only `size` entries are read). */
let hitScratch = new Int32Array(0);

/**
 * Clipped matches of a text against a profile without building the text's own
 * table: every n-gram of the text is probed in the profile and counted per entry.
 * Gives exactly ngramMatches(profile, lexicalProfile(text)).
 */
export function ngramMatchesWithText(profile: LexicalProfile, text: string): { matches: Float64Array; totals: Float64Array } {
  const cps = codePointsWithoutSpace(text);
  const len = cps.length;
  const totals = ngramTotals(len);
  const { slots, mask, hi: his, lo: los, orders, counts, size, chars, charMask } = profile;
  if (hitScratch.length < size) hitScratch = new Int32Array(size);
  const hits = hitScratch.subarray(0, size);
  hits.fill(0);
  // Probed inline (findSlot is kept monomorphic on build tables, which is much faster), by start
  // position and then by length. An n-gram the profile lacks has no longer extension in the profile
  // either, so a miss ends the position; a code point the profile's text lacks ends it before any hashing
  // (most positions of a text in another script than the profile's).
  for (let i = 0; i < len; i++) {
    const first = cps[i] as number;
    let slot = charSlot(first, charMask);
    let v = chars[slot] as number;
    while (v !== 0 && v !== first + 1) {
      slot = (slot + 1) & charMask;
      v = chars[slot] as number;
    }
    if (v === 0) continue;
    let h1 = LANE_SEED_1;
    let h2 = LANE_SEED_2;
    const top = Math.min(NGRAM_MAX_ORDER, len - i);
    for (let n = 1; n <= top; n++) {
      const cp = cps[i + n - 1] as number;
      h1 = stepLane1(h1, cp);
      h2 = stepLane2(h2, cp);
      const hi = ngramHi(h1, n);
      let found = -1;
      for (let s = hi & mask, entry = slots[s] as number; entry !== 0; s = (s + 1) & mask, entry = slots[s] as number) {
        const e = entry - 1;
        if (his[e] === hi && orders[e] === n && los[e] === ngramLo(h2, n)) {
          found = e;
          break;
        }
      }
      if (found < 0) break;
      hits[found] = (hits[found] as number) + 1;
    }
  }
  const matches = new Float64Array(NGRAM_MAX_ORDER);
  for (let e = 0; e < size; e++) {
    const h = hits[e] as number;
    if (h === 0) continue;
    const c = counts[e] as number;
    const k = (orders[e] as number) - 1;
    matches[k] = (matches[k] as number) + (c < h ? c : h);
  }
  return { matches, totals };
}
