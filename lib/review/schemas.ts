import { z } from "zod";
import { ZId } from "@/lib/input-limits";
import { REASON_MAX_CHARS } from "@/lib/pairs/schemas";

export const REVIEW_ORDERS = ["least-reviewed", "low-margin", "random"] as const;

export const ZReviewPlan = z.strictObject({
  votesPerPair: z.number().int().min(1).max(5),
  order: z.enum(REVIEW_ORDERS),
  blind: z.boolean(),
  leaseMinutes: z.number().int().min(1).max(120),
});
export type ReviewPlan = z.infer<typeof ZReviewPlan>;

/** No plan row: one vote per pair, not blind — the review queue behaves as before team review. */
export const DEFAULT_PLAN: ReviewPlan = { votesPerPair: 1, order: "least-reviewed", blind: false, leaseMinutes: 10 };

export { ZLanguageCode } from "@/lib/input-limits";

/** A vote or verdict: the preferred response's id, `tie` or `both_bad`. */
export const ZPreference = z.union([ZId, z.enum(["tie", "both_bad"])]);

const ZReason = z.string().max(REASON_MAX_CHARS, `a reason is at most ${REASON_MAX_CHARS} characters`);

export const ZVote = z.strictObject({ leaseId: ZId, preferred: ZPreference, reason: ZReason.optional() });
export type TVote = z.infer<typeof ZVote>;

export const ZAdjudication = z.strictObject({ preferred: ZPreference, reason: ZReason.min(1, "say why") });
export type TAdjudication = z.infer<typeof ZAdjudication>;
