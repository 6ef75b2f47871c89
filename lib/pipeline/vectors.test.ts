import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesToFloat32, cosine, float32ToBytes } from "./vectors";

const v = (...xs: number[]) => Float32Array.from(xs);

describe("cosine", () => {
  it("computes exact values on hand-made vectors", () => {
    expect(cosine(v(1, 0), v(0, 1))).toBe(0);
    expect(cosine(v(2, 0), v(5, 0))).toBe(1);
    expect(cosine(v(1, 1), v(1, 0))).toBeCloseTo(Math.SQRT1_2, 15);
    expect(cosine(v(1, 2, 3), v(-1, -2, -3))).toBe(-1);
    expect(cosine(v(3, 4), v(4, 3))).toBeCloseTo(24 / 25, 15);
  });

  it("is 0 for a zero vector and rejects mismatched lengths", () => {
    expect(cosine(v(0, 0), v(1, 2))).toBe(0);
    expect(cosine(new Float32Array(0), new Float32Array(0))).toBe(0);
    expect(() => cosine(v(1), v(1, 2))).toThrow(RangeError);
  });

  it("is symmetric and within [-1, 1]", () => {
    const vec = fc.array(fc.float({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }).map((a) => Float32Array.from(a));
    fc.assert(
      fc.property(vec, vec, (a, b) => {
        const c = cosine(a, b);
        expect(cosine(b, a)).toBe(c);
        expect(Math.abs(c)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("float32 bytes", () => {
  it("writes little-endian IEEE-754", () => {
    expect([...float32ToBytes(v(1, -2))]).toEqual([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]);
    expect([...bytesToFloat32(Uint8Array.from([0, 0, 0x80, 0x3f, 0, 0, 0x20, 0x41]))]).toEqual([1, 10]);
  });

  it("reads from an unaligned view of a larger buffer", () => {
    const buffer = new Uint8Array(13);
    buffer.set(float32ToBytes(v(0.5, 3, -7.25)), 1);
    const view = new Uint8Array(buffer.buffer, 1, 12);
    expect([...bytesToFloat32(view)]).toEqual([0.5, 3, -7.25]);
  });

  it("copies: later writes to the bytes do not change the vector", () => {
    const bytes = float32ToBytes(v(1));
    const out = bytesToFloat32(bytes);
    bytes.fill(0);
    expect(out[0]).toBe(1);
  });

  it("rejects a length that is not a multiple of 4", () => {
    expect(() => bytesToFloat32(new Uint8Array(5))).toThrow(RangeError);
  });

  it("round-trips any float32 values bit for bit", () => {
    fc.assert(
      fc.property(fc.float32Array({ maxLength: 64 }), (a) => {
        const back = bytesToFloat32(float32ToBytes(a));
        expect(back.length).toBe(a.length);
        a.forEach((x, i) => expect(Object.is(back[i], x) || (Number.isNaN(x) && Number.isNaN(back[i]))).toBe(true));
      }),
    );
  });
});
