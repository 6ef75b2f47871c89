import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TENTH_LABELS } from "@/lib/testing/chart-buckets";
import { UNIT_EDGES, fillBuckets, nextDown, unitBuckets } from "./buckets";

/** What SQL's width_bucket(x, UNIT_EDGES) returns: the number of edges at or below x. */
const widthBucket = (x: number | null) => (x === null ? null : UNIT_EDGES.filter((e) => e <= x).length);

describe("unit buckets", () => {
  it("lists negative, ten tenths and none with inclusive link bounds", () => {
    const b = unitBuckets({ negative: true, none: true });
    expect(b.map((x) => x.label)).toEqual(["< 0", ...TENTH_LABELS, "none"]);
    expect(b.map((x) => x.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null]);
    expect(b[0]).toEqual({ id: 0, label: "< 0", max: -5e-324 });
    expect(b[3]).toEqual({ id: 3, label: "0.2–0.3", min: 0.2, max: 0.29999999999999993 });
    expect(b[10]).toEqual({ id: 10, label: "≥ 0.9", min: 0.9 });
    expect(unitBuckets({ negative: false, none: false })).toHaveLength(10);
  });

  it("a value lands in exactly the bucket whose inclusive bounds hold it, as in SQL", () => {
    const buckets = unitBuckets({ negative: true, none: true });
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: -2, max: 2, noNaN: true }), fc.constantFrom(0, 0.1, 0.2, 0.3, 0.5, 0.9, 1, -0), fc.constant(null)),
        (x) => {
          const holding = buckets.filter((b) =>
            x === null ? b.id === null : b.id !== null && (b.min === undefined || x >= b.min) && (b.max === undefined || x <= b.max),
          );
          expect(holding.map((b) => b.id)).toEqual([widthBucket(x)]);
        },
      ),
    );
  });

  it("nextDown is the largest double below", () => {
    expect(nextDown(0.2)).toBe(0.19999999999999998);
    expect(nextDown(1)).toBe(0.9999999999999999);
    expect(nextDown(-1)).toBe(-1.0000000000000002);
    expect(nextDown(0)).toBe(-5e-324);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const d = nextDown(x);
        expect(d < x).toBe(true);
        expect((d + x) / 2 === d || (d + x) / 2 === x).toBe(true);
      }),
    );
  });

  it("fills missing buckets with zero and keeps display order", () => {
    const b = unitBuckets({ negative: true, none: true });
    expect(
      fillBuckets(b, [
        { bucket: null, n: 2 },
        { bucket: 3, n: 5 },
        { bucket: 0, n: 1 },
        { bucket: 3, n: 1 },
      ]),
    ).toEqual([1, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 2]);
  });
});
