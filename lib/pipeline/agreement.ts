// Krippendorff's alpha for nominal data (Krippendorff, "Computing Krippendorff's Alpha-Reliability",
// 2011): α = 1 − D_o / D_e from the coincidence matrix of values paired within each unit.
// Team review uses it with one unit per pair and one value per vote (the vote's label relative to
// the method's pair: agree, disagree, tie, both_bad).
//
// Alpha needs only sums over units, so it can be kept by a ledger: each unit adds its
// `unitTotals` (and a new vote replaces its unit's old totals), and `alphaFromTotals` finishes.

export type AlphaResult = {
  /** null when fewer than two values share a unit, or every pairable value is the same (D_e = 0). */
  alpha: number | null;
  /** Units with at least two values: the ones alpha is computed over. */
  units: number;
  /** Values in those units (n in the paper). */
  values: number;
};

/** What one unit adds to alpha's sums; a unit with fewer than two values adds nothing. */
export type AlphaTotals = {
  units: number;
  /** Σ over ordered pairs of different values in the unit, each weighted 1 / (m − 1). */
  disagreeing: number;
  /** n_c: how many pairable values are c. */
  counts: Map<string, number>;
};

export function emptyTotals(): AlphaTotals {
  return { units: 0, disagreeing: 0, counts: new Map() };
}

export function unitTotals(unit: readonly (string | number)[]): AlphaTotals {
  const m = unit.length;
  const totals = emptyTotals();
  if (m < 2) return totals;
  for (const v of unit) totals.counts.set(String(v), (totals.counts.get(String(v)) ?? 0) + 1);
  let sameOrdered = 0;
  for (const c of totals.counts.values()) sameOrdered += c * (c - 1);
  totals.units = 1;
  totals.disagreeing = (m * (m - 1) - sameOrdered) / (m - 1);
  return totals;
}

export function addTotals(into: AlphaTotals, add: AlphaTotals): AlphaTotals {
  into.units += add.units;
  into.disagreeing += add.disagreeing;
  for (const [v, n] of add.counts) into.counts.set(v, (into.counts.get(v) ?? 0) + n);
  return into;
}

export function alphaFromTotals(t: AlphaTotals): AlphaResult {
  let values = 0;
  let sameExpected = 0;
  for (const n of t.counts.values()) {
    values += n;
    sameExpected += n * n;
  }
  const expectedPairs = values * values - sameExpected;
  if (values < 2 || expectedPairs === 0) return { alpha: null, units: t.units, values };
  return { alpha: 1 - ((values - 1) * t.disagreeing) / expectedPairs, units: t.units, values };
}

/**
 * Alpha (nominal) over `units`, each the values the coders gave one unit; a unit with fewer than two
 * values cannot be paired and does not count. Value order inside a unit does not matter.
 */
export function krippendorffAlphaNominal(units: readonly (readonly (string | number)[])[]): AlphaResult {
  const totals = emptyTotals();
  for (const unit of units) addTotals(totals, unitTotals(unit));
  return alphaFromTotals(totals);
}
