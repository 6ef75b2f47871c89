/**
 * Fixed histogram buckets shared by the SQL (`width_bucket(x, UNIT_EDGES)`) and the preparers.
 * `width_bucket` returns 0 below the first edge, k for EDGES[k-1] ≤ x < EDGES[k], EDGES.length at or
 * above the last edge, and NULL for NULL: so bucket 0 is "negative", 1..10 cover [0, 1) in tenths
 * (the last one also holds x ≥ 0.9), and NULL is "none".
 */
export const UNIT_EDGES: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

export type BucketId = number | null;

export type Bucket = {
  id: BucketId;
  label: string;
  /** Inclusive bounds that select exactly this bucket with `x >= min AND x <= max`. */
  min?: number;
  max?: number;
};

/** The largest double below x (x finite): turns a half-open upper edge into an inclusive bound. */
export function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 ? bits - 1n : bits + 1n);
  return view.getFloat64(0);
}

const fmt = (x: number) => String(Number(x.toFixed(6)));

/** Every bucket in display order: negative, the ranges, then (optionally) none. */
export function unitBuckets(opts: { negative: boolean; none: boolean }): Bucket[] {
  const out: Bucket[] = [];
  if (opts.negative) out.push({ id: 0, label: "< 0", max: nextDown(UNIT_EDGES[0]!) });
  UNIT_EDGES.forEach((lo, i) => {
    const hi = UNIT_EDGES[i + 1];
    out.push(
      hi === undefined
        ? { id: i + 1, label: `≥ ${fmt(lo)}`, min: lo }
        : { id: i + 1, label: `${fmt(lo)}–${fmt(hi)}`, min: lo, max: nextDown(hi) },
    );
  });
  if (opts.none) out.push({ id: null, label: "none" });
  return out;
}

/** Counts per bucket in the order of `buckets`, zero where the query returned no row. */
export function fillBuckets(buckets: Bucket[], rows: { bucket: BucketId; n: number }[]): number[] {
  const counts = new Map<BucketId, number>();
  for (const r of rows) counts.set(r.bucket, (counts.get(r.bucket) ?? 0) + r.n);
  return buckets.map((b) => counts.get(b.id) ?? 0);
}
