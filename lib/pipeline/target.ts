/**
 * The one definition of "on-target" used by the quality figures (chosen on-target, the oracle, the
 * random on-target pick, per-model usage): a response is on-target when it is written in the
 * language it was requested in. Unknown detections count as on-target, as in the language guard.
 */
import { isOffTarget } from "./language";
import type { Candidate } from "./types";

export type TargetStatus = "on_target" | "off_target" | "mixed";

/** What the status reads of a response. */
export type TargetInput = Pick<Candidate, "detectedLang">;

export function targetStatus(response: TargetInput, lang: string): TargetStatus {
  if (isOffTarget(response, lang)) return "off_target";
  return "on_target";
}

export function isOnTarget(response: TargetInput, lang: string): boolean {
  return targetStatus(response, lang) === "on_target";
}
