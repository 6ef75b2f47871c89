import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addTotals, alphaFromTotals, emptyTotals, krippendorffAlphaNominal, unitTotals } from "./agreement";

// Reliability data with missing values from Krippendorff (2011), "Computing Krippendorff's
// Alpha-Reliability", section C: 4 observers × 12 units, values 1–5; published nominal α = 0.743.
// Columns are units; null = the observer gave no value.
const OBSERVERS: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const byUnit = (rows: (number | null)[][]) => rows[0]!.map((_, u) => rows.map((r) => r[u]).filter((v): v is number => v !== null));

describe("krippendorffAlphaNominal", () => {
  it("gives the published 0.743 for Krippendorff's worked example with missing values", () => {
    const r = krippendorffAlphaNominal(byUnit(OBSERVERS));
    expect(r.alpha).toBeCloseTo(0.743, 3);
    expect(r.units).toBe(11); // unit 12 has one value only
    expect(r.values).toBe(40);
  });

  it("gives the published 0.095 for the two-coder binary example (Krippendorff 2004)", () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlphaNominal(a.map((v, i) => [v, b[i]!])).alpha).toBeCloseTo(0.095, 3);
  });

  it("is exactly 1 − (n − 1)·D / E on a small hand-computed case", () => {
    // Units: [agree, agree], [agree, disagree], [tie, tie]: n = 6; disagreeing pairs = 2 (unit 2, m − 1 = 1);
    // n_agree = 3, n_disagree = 1, n_tie = 2: E = 36 − 9 − 1 − 4 = 22; α = 1 − 5·2/22.
    const r = krippendorffAlphaNominal([
      ["agree", "agree"],
      ["agree", "disagree"],
      ["tie", "tie"],
    ]);
    expect(r.alpha).toBe(1 - 10 / 22);
  });

  it("is null without pairable values or without variation, and ignores single-value units", () => {
    expect(krippendorffAlphaNominal([]).alpha).toBeNull();
    expect(krippendorffAlphaNominal([["agree"], ["tie"]])).toEqual({ alpha: null, units: 0, values: 0 });
    expect(
      krippendorffAlphaNominal([
        ["agree", "agree"],
        ["agree", "agree", "agree"],
      ]).alpha,
    ).toBeNull();
    expect(krippendorffAlphaNominal([["a", "a"], ["a", "b"], ["b"]])).toEqual(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["a", "b"],
      ]),
    );
  });

  const label = fc.constantFrom("agree", "disagree", "tie", "both_bad");
  const units = fc.array(fc.array(label, { minLength: 0, maxLength: 5 }), { maxLength: 30 });

  it("is 1 whenever every unit is unanimous and at least two values differ across units", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(label, fc.integer({ min: 2, max: 5 })), { minLength: 2, maxLength: 20 }), (spec) => {
        fc.pre(new Set(spec.map(([l]) => l)).size > 1);
        expect(krippendorffAlphaNominal(spec.map(([l, m]) => Array(m).fill(l))).alpha).toBeCloseTo(1, 12);
      }),
    );
  });

  it("does not depend on the order of units, of values in a unit, or on the names of labels", () => {
    fc.assert(
      fc.property(units, fc.integer(), (us, seed) => {
        const base = krippendorffAlphaNominal(us);
        const shuffled = [...us].reverse().map((u) => [...u].sort());
        const renamed = us.map((u) => u.map((l) => `${l}-${seed}`));
        for (const other of [krippendorffAlphaNominal(shuffled), krippendorffAlphaNominal(renamed)]) {
          expect({ units: other.units, values: other.values }).toEqual({ units: base.units, values: base.values });
          if (base.alpha === null) expect(other.alpha).toBeNull();
          else expect(other.alpha).toBeCloseTo(base.alpha, 12);
        }
        if (base.alpha !== null) expect(base.alpha).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe("alpha from totals (what a ledger keeps)", () => {
  it("equals alpha over the units when each unit's totals are added in any grouping", () => {
    const label = fc.constantFrom("agree", "disagree", "tie", "both_bad");
    fc.assert(
      fc.property(fc.array(fc.array(label, { maxLength: 5 }), { maxLength: 25 }), (us) => {
        const direct = krippendorffAlphaNominal(us);
        const ledger = emptyTotals();
        for (const u of [...us].reverse()) addTotals(ledger, unitTotals(u));
        const viaLedger = alphaFromTotals(ledger);
        expect({ units: viaLedger.units, values: viaLedger.values }).toEqual({ units: direct.units, values: direct.values });
        if (direct.alpha === null) expect(viaLedger.alpha).toBeNull();
        else expect(viaLedger.alpha).toBeCloseTo(direct.alpha, 12);
      }),
    );
  });

  it("gives a unit with one value nothing and a unit of two different values a disagreement of 2", () => {
    expect(unitTotals(["agree"])).toEqual(emptyTotals());
    const t = unitTotals(["agree", "tie"]);
    expect(t.disagreeing).toBe(2);
    expect([...t.counts]).toEqual([
      ["agree", 1],
      ["tie", 1],
    ]);
  });
});
