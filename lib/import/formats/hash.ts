import { hash } from "node:crypto";

const encoder = new TextEncoder();
const SCRATCH_LIMIT = 16 * 2 ** 20;
let scratch = new Uint8Array(64 * 1024);

/** Hex sha256 of the text's UTF-8 bytes: the response content hash stored by the loader. */
export function contentHash(text: string): string {
  // encodeInto a reused buffer is ~25% faster than letting hash() encode a two-byte string.
  const worstCase = text.length * 3;
  if (worstCase > SCRATCH_LIMIT) return hash("sha256", text, "hex");
  if (worstCase > scratch.length) scratch = new Uint8Array(Math.max(worstCase, scratch.length * 2));
  const { written } = encoder.encodeInto(text, scratch);
  return hash("sha256", scratch.subarray(0, written), "hex");
}

/** First 64 bits of sha256, as two unsigned 32-bit halves: compact fingerprints for cross-line checks. */
export function fingerprint(text: string): [number, number] {
  const digest = hash("sha256", text, "buffer");
  return [digest.readUInt32LE(0), digest.readUInt32LE(4)];
}

/**
 * Open-addressing map from a 64-bit key (two u32 halves) to a u32 value. 12 bytes a slot, kept at most
 * half full, so about 24 bytes an entry at worst (a JS Map of strings costs several times more).
 * The key (0, 0) is reserved for empty slots and is remapped on the way in.
 */
export class CompactKeyMap {
  private keys: Uint32Array;
  private values: Uint32Array;
  private capacity: number;
  size = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.keys = new Uint32Array(initialCapacity * 2);
    this.values = new Uint32Array(initialCapacity);
  }

  get(hi: number, lo: number): number | undefined {
    const slot = this.find(hi >>> 0, lo >>> 0 || (hi === 0 ? 1 : 0));
    return this.keys[slot * 2] === 0 && this.keys[slot * 2 + 1] === 0 ? undefined : this.values[slot];
  }

  set(hi: number, lo: number, value: number): void {
    const h = hi >>> 0;
    const l = lo >>> 0 || (h === 0 ? 1 : 0);
    const slot = this.find(h, l);
    if (this.keys[slot * 2] === 0 && this.keys[slot * 2 + 1] === 0) {
      this.keys[slot * 2] = h;
      this.keys[slot * 2 + 1] = l;
      this.size++;
    }
    this.values[slot] = value;
    if (this.size * 2 > this.capacity) this.grow();
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  private find(hi: number, lo: number): number {
    const mask = this.capacity - 1;
    let slot = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
    for (;;) {
      const kh = this.keys[slot * 2];
      const kl = this.keys[slot * 2 + 1];
      if ((kh === hi && kl === lo) || (kh === 0 && kl === 0)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.capacity *= 2;
    this.keys = new Uint32Array(this.capacity * 2);
    this.values = new Uint32Array(this.capacity);
    for (let i = 0; i < oldValues.length; i++) {
      const hi = oldKeys[i * 2] ?? 0;
      const lo = oldKeys[i * 2 + 1] ?? 0;
      if (hi === 0 && lo === 0) continue;
      const slot = this.find(hi, lo);
      this.keys[slot * 2] = hi;
      this.keys[slot * 2 + 1] = lo;
      this.values[slot] = oldValues[i] ?? 0;
    }
  }
}
