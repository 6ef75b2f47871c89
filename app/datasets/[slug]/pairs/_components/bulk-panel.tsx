"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BulkSpec } from "@/lib/pairs/bulk";
import type { PairFilter } from "@/lib/pairs/table";
import { bulkStepAction, finishBulkAction, startBulkAction } from "../actions";

type Progress = { label: string; done: number; total: number; finished: boolean; error?: string };

/** Bulk actions over the whole filter result (not just this page), run batch by batch with progress. */
export function BulkPanel({ slug, filter, total }: { slug: string; filter: PairFilter; total: number }) {
  const router = useRouter();
  const [below, setBelow] = useState("0.1");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [confirming, setConfirming] = useState<{ label: string; spec: BulkSpec } | null>(null);
  const running = progress !== null && !progress.finished;

  async function run(label: string, spec: BulkSpec) {
    setConfirming(null);
    const started = await startBulkAction({ slug, filter, spec });
    if (!started.ok) return setProgress({ label, done: 0, total: 0, finished: true, error: started.error });
    const { bulkId, total: targets } = started.data;
    let done = 0;
    let afterId = 0;
    setProgress({ label, done, total: targets, finished: false });
    for (;;) {
      const step = await bulkStepAction({ slug, filter, spec, bulkId, afterId });
      if (!step.ok) return setProgress({ label, done, total: targets, finished: true, error: step.error });
      if (step.data.lastId === null) break;
      done += step.data.changed;
      afterId = step.data.lastId;
      setProgress({ label, done, total: targets, finished: false });
    }
    await finishBulkAction({ slug, bulkId, changed: done });
    setProgress({ label, done, total: targets, finished: true });
    router.refresh();
  }

  const button = "rounded border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-50";
  return (
    <section aria-label="Bulk actions" className="space-y-2 rounded bg-white p-3 text-sm shadow-sm">
      <h2 className="font-medium">Bulk actions on all {total} matching pairs</h2>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={button} disabled={running} onClick={() => setConfirming({ label: "Accept all", spec: { action: "accept" } })}>Accept all</button>
        <span className="flex items-center gap-1">
          <button type="button" className={button} disabled={running || !Number.isFinite(Number(below))} onClick={() => setConfirming({ label: `Reject below margin ${below}`, spec: { action: "reject", belowMargin: Number(below) } })}>
            Reject all below margin
          </button>
          <input aria-label="Margin threshold" type="number" step="any" value={below} onChange={(e) => setBelow(e.target.value)} className="w-20 rounded border border-slate-300 px-2 py-1" />
        </span>
        <button type="button" className={button} disabled={running} onClick={() => setConfirming({ label: "Reset to auto", spec: { action: "reset" } })}>Reset to auto</button>
      </div>
      {confirming && (
        <p className="flex items-center gap-2 rounded bg-amber-50 p-2">
          {confirming.label}: applies to every matching pair, not just this page. Each change is a decision you can undo.
          <button type="button" className="rounded bg-indigo-600 px-3 py-1 text-white" onClick={() => run(confirming.label, confirming.spec)}>Confirm</button>
          <button type="button" className={button} onClick={() => setConfirming(null)}>Cancel</button>
        </p>
      )}
      {progress && (
        <div role="status" className="space-y-1">
          <progress max={Math.max(progress.total, 1)} value={progress.done} className="w-64" aria-label={`${progress.label} progress`} />
          <p>
            {progress.label}: {progress.done} of {progress.total} pairs changed{progress.finished && !progress.error && " — done"}
            {progress.error && <span className="text-red-700"> — {progress.error}</span>}
          </p>
        </div>
      )}
    </section>
  );
}
