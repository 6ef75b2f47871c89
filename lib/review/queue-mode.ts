import type { ReviewPlan } from "./schemas";

/**
 * The Review page is a vote queue (leases, votes, consensus) when the plan asks for more than one vote
 * per pair or for blind mode (blind mode hides what the decision queue shows: labels, scores, run).
 * The default plan — one vote, not blind — keeps the decision queue.
 */
export function usesVoteQueue(plan: Pick<ReviewPlan, "votesPerPair" | "blind">): boolean {
  return plan.votesPerPair > 1 || plan.blind;
}

/** The languages a reviewer may pick in the vote queue: their review languages the dataset has, or all of its languages. */
export function pickableLanguages(reviewerLanguages: readonly string[], datasetLanguages: readonly string[]): string[] {
  return reviewerLanguages.length === 0 ? [...datasetLanguages] : datasetLanguages.filter((l) => reviewerLanguages.includes(l));
}
