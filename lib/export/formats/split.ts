import { createHash } from "node:crypto";
import type { SplitName, SplitOptions } from "./types";

/**
 * Deterministic split of a prompt group: a hash of (seed, groupKey) mapped to [0, 1).
 * Every language of a group lands in the same split, whatever the row order.
 */
export function assignSplit(groupKey: string, seed: number | string, testFraction: number): SplitName {
  assertTestFraction(testFraction);
  return unitHash(groupKey, seed) < testFraction ? "test" : "train";
}

export function assertTestFraction(testFraction: number): void {
  if (!Number.isFinite(testFraction) || testFraction < 0 || testFraction > 1) {
    throw new RangeError(`testFraction must be a number in [0, 1], got ${testFraction}`);
  }
}

function unitHash(groupKey: string, seed: number | string): number {
  const digest = createHash("sha256")
    .update(`${String(seed)}\u0000${groupKey}`, "utf8")
    .digest();
  // 48 high bits give a uniform float in [0, 1) with no rounding up to 1.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** Split router for a stream of rows; pairs of one group usually arrive together, so the last answer is cached. */
export function createSplitter(split: SplitOptions | undefined): (groupKey: string) => SplitName {
  if (!split) return () => "train";
  assertTestFraction(split.testFraction);
  let lastKey: string | undefined;
  let lastSplit: SplitName = "train";
  return (groupKey) => {
    if (groupKey !== lastKey) {
      lastKey = groupKey;
      lastSplit = assignSplit(groupKey, split.seed, split.testFraction);
    }
    return lastSplit;
  };
}
