import { pickIndex, seededRandom } from "./seeded-random";

export type ReferenceMode = "consistency" | "first" | "random" | "gold";

/**
 * Index of the English reference among the scorable pivot candidates (given in
 * canonical order: sample index, then id), or −1 when none is eligible.
 * - consistency: highest Cons; ties → the earlier candidate (lower sample index);
 * - first: the earliest candidate;
 * - random: uniform over eligible candidates, drawn from (seed, groupId) alone;
 * - gold (an upper bound, never the default): like consistency, among the candidates whose
 *   answer matches the group's gold (`matchesGold[i]`).
 * `eligible[i]` is false for candidates the language guard excludes.
 */
export function pickReferenceIndex(
  cons: Float64Array,
  eligible: readonly boolean[],
  mode: ReferenceMode,
  seed: number,
  groupId: string,
  matchesGold: readonly boolean[] = [],
): number {
  const pool: number[] = [];
  for (let i = 0; i < cons.length; i++) if (eligible[i] === true && (mode !== "gold" || matchesGold[i] === true)) pool.push(i);
  if (pool.length === 0) return -1;
  if (mode === "first") return pool[0] ?? -1;
  if (mode === "random") return pool[pickIndex(seededRandom(seed, groupId, "reference"), pool.length)] ?? -1;
  let best = pool[0] ?? -1;
  for (const i of pool) if ((cons[i] ?? 0) > (cons[best] ?? 0)) best = i;
  return best;
}
