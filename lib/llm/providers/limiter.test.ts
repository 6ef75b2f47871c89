import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RequestLimiter } from "./limiter";
import { backoffDelayMs, DEFAULT_RETRY } from "./retry";

describe("RequestLimiter", () => {
  it("spaces request starts by 60 000 / rpm", async () => {
    const limiter = new RequestLimiter(10, 1_200); // one start every 50 ms
    const starts: number[] = [];
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 5 }, () => limiter.run(async () => void starts.push(Date.now() - t0))));
    // start k is scheduled at k · 50 ms; timers may fire late, never early (1 ms of clock rounding)
    expect(starts.map((s, k) => s >= k * 50 - 1)).toEqual([true, true, true, true, true]);
  });

  it("never runs more than `concurrency` tasks at once, and runs them all", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 }),
        async (concurrency, delays) => {
          const limiter = new RequestLimiter(concurrency, 0);
          let active = 0;
          let peak = 0;
          const results = await Promise.all(
            delays.map((d, i) =>
              limiter.run(async () => {
                peak = Math.max(peak, ++active);
                await new Promise((r) => setTimeout(r, d));
                active--;
                return i;
              }),
            ),
          );
          expect(results).toEqual(delays.map((_, i) => i));
          expect(peak).toBeLessThanOrEqual(concurrency);
          expect(limiter.inFlight).toBe(0);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("backoff", () => {
  it("stays within [ceiling / 2, ceiling] with ceiling = min(max, base · 2^attempt)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const ceiling = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** attempt);
        const d = backoffDelayMs(attempt, new Error("x"), { ...DEFAULT_RETRY, random: () => r });
        expect(d).toBeGreaterThanOrEqual(Math.round(ceiling / 2));
        expect(d).toBeLessThanOrEqual(ceiling);
      }),
    );
    expect(backoffDelayMs(0, new Error("x"), { ...DEFAULT_RETRY, random: () => 0 })).toBe(125);
    expect(backoffDelayMs(3, new Error("x"), { ...DEFAULT_RETRY, random: () => 0.5 })).toBe(1_500);
  });
});
