// Krippendorff's alpha for nominal data (Krippendorff, "Computing Krippendorff's Alpha-Reliability",
// 2011): α = 1 − D_o / D_e from the coincidence matrix of values paired within each unit.
// Team review uses it with one unit per pair and one value per vote (the vote's label relative to
// the method's pair: agree, disagree, tie, both_bad).

export type AlphaResult = {
  /** null when fewer than two values share a unit, or every pairable value is the same (D_e = 0). */
  alpha: number | null;
  /** Units with at least two values: the ones alpha is computed over. */
  units: number;
  /** Values in those units (n in the paper). */
  values: number;
};

/**
 * Alpha (nominal) over `units`, each the values the coders gave one unit; a unit with fewer than two
 * values cannot be paired and does not count. Value order inside a unit does not matter.
 */
export function krippendorffAlphaNominal<V extends string | number>(units: readonly (readonly V[])[]): AlphaResult {
  const perValue = new Map<V, number>();
  let disagreeing = 0;
  let values = 0;
  let pairable = 0;
  for (const unit of units) {
    const m = unit.length;
    if (m < 2) continue;
    pairable += 1;
    values += m;
    const counts = new Map<V, number>();
    for (const v of unit) counts.set(v, (counts.get(v) ?? 0) + 1);
    // o_ck summed over c ≠ k for this unit: ordered pairs of different values, weighted 1/(m − 1).
    let sameOrdered = 0;
    for (const [v, c] of counts) {
      perValue.set(v, (perValue.get(v) ?? 0) + c);
      sameOrdered += c * (c - 1);
    }
    disagreeing += (m * (m - 1) - sameOrdered) / (m - 1);
  }
  if (values < 2) return { alpha: null, units: pairable, values };
  let expectedPairs = values * values;
  for (const n of perValue.values()) expectedPairs -= n * n;
  if (expectedPairs === 0) return { alpha: null, units: pairable, values };
  return { alpha: 1 - ((values - 1) * disagreeing) / expectedPairs, units: pairable, values };
}
