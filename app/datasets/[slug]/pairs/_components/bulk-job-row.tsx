"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { BulkJobView } from "@/lib/pairs/bulk-in-dataset";
import { cancelBulkAction } from "../actions";

type Progress = Pick<BulkJobView, "status" | "done" | "total" | "cancelRequested" | "error">;

const ACTIVE = new Set(["queued", "running"]);

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

/** One bulk job's status row: polls the run's GET route while it is active; refreshes the page when it ends. */
export function BulkJobRow({ slug, job }: { slug: string; job: BulkJobView }) {
  const router = useRouter();
  const [p, setP] = useState<Progress>(job);
  const [error, setError] = useState<string | null>(null);
  const active = ACTIVE.has(p.status);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/runs/${job.runId}`, { cache: "no-store" });
      if (!res.ok) return;
      const next = (await res.json()) as Progress;
      setP(next);
      if (!ACTIVE.has(next.status)) router.refresh();
    }, 700);
    return () => clearInterval(timer);
  }, [active, job.runId, router]);

  async function cancel() {
    const r = await cancelBulkAction({ slug, runId: job.runId });
    if (!r.ok) return setError(r.error);
    setP((x) => ({ ...x, cancelRequested: true, status: r.data.status }));
  }

  const label = describeBulk(job);
  return (
    <li className="flex flex-wrap items-center gap-3 py-1" data-testid={`bulk-job-${job.runId}`}>
      <span className="min-w-64">{label}</span>
      <progress
        max={Math.max(p.total, 1)}
        value={Math.min(p.done, Math.max(p.total, 1))}
        className="w-48"
        aria-label={`Bulk job ${job.runId} progress`}
      />
      <span className="tabular-nums text-slate-600">
        {p.done} of {p.total} pairs changed · <span data-testid={`bulk-status-${job.runId}`}>{p.status}</span>
        {p.cancelRequested && active ? " · cancelling" : ""}
      </span>
      {active && !p.cancelRequested && (
        <button
          type="button"
          onClick={() => void cancel()}
          className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50"
        >
          Cancel
        </button>
      )}
      {(p.error || error) && (
        <span role="alert" className="text-red-700">
          {p.error ?? error}
        </span>
      )}
    </li>
  );
}
