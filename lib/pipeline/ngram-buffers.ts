/**
 * Storage for n-gram tables: code points of a text, right-sized tables, and the
 * scratch buffers builds reuse (all callers are synchronous). See ngram-table.ts.
 */

export const NGRAM_MAX_ORDER = 6;

export interface NgramTable {
  readonly hi: Int32Array;
  readonly lo: Int32Array;
  readonly orders: Uint8Array;
  readonly counts: Int32Array;
  /** Open-addressing table: entry index + 1, 0 = empty. */
  readonly slots: Int32Array;
  readonly mask: number;
}

export interface LexicalProfile extends NgramTable {
  /** Number of n-grams of order n (with repeats) at index n − 1. */
  readonly totals: Float64Array;
  /** Number of distinct n-grams. */
  readonly size: number;
  /** The text's distinct code points, open addressing (code point + 1, 0 = empty; see charSlot). */
  readonly chars: Int32Array;
  readonly charMask: number;
}

/** First slot of a code point in a profile's `chars`. */
export function charSlot(cp: number, mask: number): number {
  const h = Math.imul(cp ^ (cp >>> 9), 0x9e3779b1);
  return (h ^ (h >>> 15)) & mask;
}

/** Whether a BMP code unit is one of JavaScript's `\s` (with the `u` flag): every one of them is below 0x10000. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

let pointScratch = new Int32Array(1024);

/** Room for `length` code points: the shared scratch (valid until the next call) unless the text is long. */
function pointBuffer(length: number): Int32Array {
  if (length > MAX_SCRATCH_ENTRIES) return new Int32Array(length);
  if (pointScratch.length < length) pointScratch = new Int32Array(powerOfTwoAtLeast(length));
  return pointScratch;
}

/**
 * Code points of the NFC text with every `\s` removed, in a scratch buffer that the next call reuses.
 * One pass over the normalised text: removing spaces cannot join two halves of a surrogate pair there,
 * because the text has no lone surrogate (checked; a text with one takes the plain path, where a
 * removed space can join them).
 */
export function codePointsWithoutSpace(text: string): Int32Array {
  const nfc = text.normalize("NFC");
  if (!nfc.isWellFormed()) return codePointsOf(nfc.replace(/\s+/gu, ""));
  const out = pointBuffer(nfc.length);
  let n = 0;
  for (let i = 0; i < nfc.length; i++) {
    const cp = nfc.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    else if (isSpace(cp)) continue;
    out[n++] = cp;
  }
  return out.subarray(0, n);
}

function codePointsOf(compact: string): Int32Array {
  const out = pointBuffer(compact.length);
  let n = 0;
  for (let i = 0; i < compact.length; i++) {
    const cp = compact.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    out[n++] = cp;
  }
  return out.subarray(0, n);
}

/** Number of n-grams of each order (index n − 1) in a text of `len` code points. */
export function ngramTotals(len: number): Float64Array {
  const totals = new Float64Array(NGRAM_MAX_ORDER);
  for (let n = 1; n <= NGRAM_MAX_ORDER; n++) totals[n - 1] = Math.max(0, len - n + 1);
  return totals;
}

function powerOfTwoAtLeast(n: number): number {
  let c = 8;
  while (c < n) c *= 2;
  return c;
}

let scratch: NgramTable = emptyTable(0, 8);

function emptyTable(entries: number, capacity: number): NgramTable {
  return {
    hi: new Int32Array(entries),
    lo: new Int32Array(entries),
    orders: new Uint8Array(entries),
    counts: new Int32Array(entries),
    slots: new Int32Array(capacity),
    mask: capacity - 1,
  };
}

/** Texts above this many n-grams (~33k characters) get a one-off table, so scratch stays small. */
const MAX_SCRATCH_ENTRIES = 200_000;

/** A build table for up to `entries` n-grams, cleared; reused between calls when small enough. */
export function scratchTable(entries: number): NgramTable {
  const capacity = powerOfTwoAtLeast(entries * 2);
  if (entries > MAX_SCRATCH_ENTRIES) return emptyTable(entries, capacity);
  if (scratch.hi.length < entries || scratch.slots.length < capacity) scratch = emptyTable(entries, capacity);
  const t = { ...scratch, slots: scratch.slots.subarray(0, capacity), mask: capacity - 1 };
  t.slots.fill(0);
  return t;
}

/** Copy of the first `size` entries of a build table of the code points `cps` into a right-sized profile. */
export function compact(t: NgramTable, size: number, totals: Float64Array, cps: Int32Array): LexicalProfile {
  const capacity = powerOfTwoAtLeast(size * 2);
  const out = emptyTable(size, capacity);
  out.hi.set(t.hi.subarray(0, size));
  out.lo.set(t.lo.subarray(0, size));
  out.orders.set(t.orders.subarray(0, size));
  out.counts.set(t.counts.subarray(0, size));
  let distinctChars = 0;
  for (let e = 0; e < size; e++) {
    if (out.orders[e] === 1) distinctChars++;
    let slot = (out.hi[e] as number) & out.mask;
    while (out.slots[slot] !== 0) slot = (slot + 1) & out.mask;
    out.slots[slot] = e + 1;
  }
  const chars = new Int32Array(powerOfTwoAtLeast(distinctChars * 2));
  const charMask = chars.length - 1;
  for (let i = 0; i < cps.length; i++) {
    const v = (cps[i] as number) + 1;
    let slot = charSlot(v - 1, charMask);
    for (let w = chars[slot] as number; w !== 0 && w !== v; w = chars[slot] as number) slot = (slot + 1) & charMask;
    chars[slot] = v;
  }
  return { ...out, totals, size, chars, charMask };
}
