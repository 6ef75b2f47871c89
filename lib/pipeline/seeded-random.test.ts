import { describe, expect, it } from "vitest";
import { fnv1a32, mulberry32, pickIndex, seededRandom } from "./seeded-random";

describe("seeded random", () => {
  it("FNV-1a matches the published test vectors", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("is deterministic per key and differs across keys", () => {
    const a = seededRandom(1, "g1");
    const b = seededRandom(1, "g1");
    const c = seededRandom(2, "g1");
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
  });

  it("stays in [0, 1) and picks every index of a range", () => {
    const r = mulberry32(42);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
      seen.add(pickIndex(r, 5));
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(() => pickIndex(r, 0)).toThrow(RangeError);
  });
});
