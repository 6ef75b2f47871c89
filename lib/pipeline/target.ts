/**
 * The one definition of "on-target" used by the quality figures (chosen on-target, the oracle, the
 * random on-target pick, per-model usage): a response is on-target when it is written in the
 * language it was requested in: not off-target (the detector names another language), and not
 * mixed (less than the run's minTargetShare of its letters in its language, see guard.ts). Unknown
 * detections and unmeasured shares count as on-target, as in the language guard.
 */
import { isOffTarget } from "./language";
import type { Candidate } from "./types";

export type TargetStatus = "on_target" | "off_target" | "mixed";

/** What the status reads of a response: its detection, and whether its share is below the run's threshold. */
export type TargetInput = Pick<Candidate, "detectedLang"> & { mixed?: boolean };

export function targetStatus(response: TargetInput, lang: string): TargetStatus {
  if (isOffTarget(response, lang)) return "off_target";
  if (response.mixed) return "mixed";
  return "on_target";
}

export function isOnTarget(response: TargetInput, lang: string): boolean {
  return targetStatus(response, lang) === "on_target";
}
