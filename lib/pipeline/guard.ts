/**
 * What may be chosen. A response is:
 * - `defective` (a repetition loop, cut at the token limit, empty): never chosen, never the reference,
 *   whatever the guard says; it can still be the rejected one by score;
 * - with the language guard on, `off_target` (the detector names another language) or `mixed` (less
 *   than `minTargetShare` of its letters in its language): never chosen, never the reference, and the
 *   preferred rejected, off-target ones first;
 * - else `ok`. Unknown detections and unmeasured shares are never held against a response.
 */
import { isOffTarget } from "./language";
import type { Candidate } from "./types";

export type GuardStatus = "ok" | "off_target" | "mixed" | "defective";

export interface GuardOptions {
  languageGuard: boolean;
  minTargetShare: number;
}

export function guardStatus(c: Candidate, options: GuardOptions): GuardStatus {
  if (c.defect != null) return "defective";
  if (!options.languageGuard) return "ok";
  if (isOffTarget(c, c.lang)) return "off_target";
  if (c.targetShare != null && c.targetShare < options.minTargetShare) return "mixed";
  return "ok";
}
