import type { ReviewPlan } from "@/lib/review/schemas";

/** What each queue order means, for the plan form and the read-only plan. */
export const ORDER_HELP: Record<ReviewPlan["order"], string> = {
  "least-reviewed": "pairs with the fewest votes first",
  "low-margin": "pairs the method was least sure of first",
  random: "pairs in random order",
};
