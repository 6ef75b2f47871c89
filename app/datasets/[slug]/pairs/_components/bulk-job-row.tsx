"use client";

import { JobProgress } from "@/components/job-progress";
import type { BulkJobView } from "@/lib/pairs/bulk-in-dataset";

export function describeBulk(job: Pick<BulkJobView, "spec" | "filter">): string {
  const action =
    job.spec.action === "reject"
      ? `Reject below margin ${job.spec.belowMargin}`
      : job.spec.action === "accept"
        ? "Accept all"
        : "Reset to auto";
  const f = job.filter;
  const parts = [
    f.lang && `language ${f.lang}`,
    f.status && `status ${f.status}`,
    f.origin && `origin ${f.origin}`,
    f.minMargin !== undefined && `margin ≥ ${f.minMargin}`,
    f.maxMargin !== undefined && `margin ≤ ${f.maxMargin}`,
    f.flags.length > 0 && `flags ${f.flags.join(", ")}`,
    f.consensus?.length && `consensus ${f.consensus.join(" or ")}`,
    f.q && `“${f.q}”`,
  ].filter(Boolean);
  return `${action}${parts.length ? ` (${parts.join(", ")})` : " (all pairs)"}`;
}

/** One bulk job's status row: its progress polls the one job route while it is active and can cancel it. */
export function BulkJobRow({ job }: { job: BulkJobView }) {
  return (
    <li className="flex flex-wrap items-center gap-3 py-1" data-testid={`bulk-job-${job.runId}`}>
      <span className="min-w-64">{describeBulk(job)}</span>
      <JobProgress
        kind="bulk"
        id={job.runId}
        unit="pairs"
        cancellable
        initial={job}
        describe={(p) => `${p.done} of ${p.total} pairs changed`}
        testIds={{ root: `bulk-progress-${job.runId}`, status: `bulk-status-${job.runId}` }}
      />
      {job.error && (
        <span role="alert" className="text-red-700">
          {job.error}
        </span>
      )}
    </li>
  );
}
