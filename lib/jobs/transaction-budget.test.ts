import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TransactionBudget } from "./transaction-budget";

describe("the adaptive transaction budget", () => {
  it("sizes transactions to ~50 ms: halves after a slow one, doubles after a fast one, settles on the fit", () => {
    const b = TransactionBudget.adaptive();
    expect(b.groups).toBe(16);
    b.took(10, 16); // fits 80: at most double
    expect(b.groups).toBe(32);
    b.took(1_000, 32); // fits 1.6: at least half
    expect(b.groups).toBe(16);
    b.took(25, 16); // fits 32
    expect(b.groups).toBe(32);
    b.took(80, 32); // fits 20
    expect(b.groups).toBe(20);
  });

  it("never shrinks below 16 groups or grows past 2,000, however long or short transactions take", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 60_000, noNaN: true }), fc.integer({ min: 1, max: 3_000 })), { maxLength: 60 }),
        (steps) => {
          const b = TransactionBudget.adaptive();
          for (const [ms, groups] of steps) {
            b.took(ms, groups);
            expect(b.groups).toBeGreaterThanOrEqual(16);
            expect(b.groups).toBeLessThanOrEqual(2_000);
            expect(Number.isInteger(b.groups)).toBe(true);
          }
        },
      ),
    );
  });

  it("a fixed budget keeps its size", () => {
    const b = TransactionBudget.fixed(1);
    b.took(5_000, 1);
    expect(b.groups).toBe(1);
  });
});
