"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BulkSpec } from "@/lib/pairs/bulk";
import type { BulkJobView } from "@/lib/pairs/bulk-in-dataset";
import type { PairFilter } from "@/lib/pairs/table";
import { startBulkAction } from "../actions";
import { BulkJobRow, describeBulk } from "./bulk-job-row";

type Props = { slug: string; filter: PairFilter; total: string; jobs: BulkJobView[] };

/**
 * Bulk actions over the whole filter result (not just this page). Each runs as a background job on
 * the workers; its status row shows progress and can cancel it, and survives a reload.
 */
export function BulkPanel({ slug, filter, total, jobs }: Props) {
  const router = useRouter();
  const [below, setBelow] = useState("0.1");
  const [confirming, setConfirming] = useState<BulkSpec | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  async function start(spec: BulkSpec) {
    setConfirming(null);
    setStarting(true);
    try {
      const r = await startBulkAction({ slug, filter, spec });
      setError(r.ok ? null : r.error);
      if (r.ok) router.refresh();
    } finally {
      setStarting(false);
    }
  }

  const button = "rounded border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-50";
  return (
    <section aria-label="Bulk actions" className="space-y-2 rounded bg-white p-3 text-sm shadow-sm">
      <h2 className="font-medium">Bulk actions on all {total} matching pairs</h2>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={button} disabled={starting} onClick={() => setConfirming({ action: "accept" })}>
          Accept all
        </button>
        <span className="flex items-center gap-1">
          <button
            type="button"
            className={button}
            disabled={starting || !Number.isFinite(Number(below))}
            onClick={() => setConfirming({ action: "reject", belowMargin: Number(below) })}
          >
            Reject all below margin
          </button>
          <input
            aria-label="Margin threshold"
            type="number"
            step="any"
            value={below}
            onChange={(e) => setBelow(e.target.value)}
            className="w-20 rounded border border-slate-300 px-2 py-1"
          />
        </span>
        <button type="button" className={button} disabled={starting} onClick={() => setConfirming({ action: "reset" })}>
          Reset to auto
        </button>
      </div>
      {confirming && (
        <p className="flex items-center gap-2 rounded bg-amber-50 p-2">
          {describeBulk({ spec: confirming, filter })}: applies to every matching pair, not just this page, as a background job. Each change
          is a decision you can undo.
          <button type="button" className="rounded bg-indigo-600 px-3 py-1 text-white" onClick={() => void start(confirming)}>
            Confirm
          </button>
          <button type="button" className={button} onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </p>
      )}
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      {jobs.length > 0 && (
        <div>
          <h3 className="text-slate-600">Bulk jobs</h3>
          <ul aria-label="Bulk jobs" className="divide-y divide-slate-100">
            {jobs.map((job) => (
              <BulkJobRow key={job.runId} job={job} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
