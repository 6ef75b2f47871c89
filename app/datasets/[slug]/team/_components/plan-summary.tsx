import type { ReviewPlan } from "@/lib/review/schemas";
import { ORDER_HELP } from "./plan-help";

/** The review plan, read-only (for reviewers and viewers). */
export function PlanSummary({ plan }: { plan: ReviewPlan }) {
  const items: [string, string][] = [
    ["Votes per pair", String(plan.votesPerPair)],
    ["Order", `${plan.order} (${ORDER_HELP[plan.order]})`],
    ["Blind", plan.blind ? "on: no chosen/rejected labels, scores or run; sides shuffled" : "off"],
    ["Lease", `${plan.leaseMinutes} minutes`],
  ];
  return (
    <dl aria-label="Review plan (read-only)" className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {items.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
