/** Cosine similarity in [−1, 1]; 0 when either vector is all zeros. Lengths must match. */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`cosine of vectors of length ${a.length} and ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 0;
  const c = dot / (Math.sqrt(na) * Math.sqrt(nb));
  return c > 1 ? 1 : c < -1 ? -1 : c;
}

/** Little-endian float32 bytes (the storage format of embeddings). */
export function float32ToBytes(v: Float32Array): Uint8Array {
  const out = new Uint8Array(v.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < v.length; i++) view.setFloat32(i * 4, v[i] ?? 0, true);
  return out;
}

/** Inverse of float32ToBytes; copies, so any byte offset or alignment of `b` is fine. */
export function bytesToFloat32(b: Uint8Array): Float32Array {
  if (b.byteLength % 4 !== 0) throw new RangeError(`embedding bytes length ${b.byteLength} is not a multiple of 4`);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out = new Float32Array(b.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
