"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Progress = { status: string; done: number; total: number; error: string | null; cancelRequested: boolean };

const ACTIVE = new Set(["queued", "running"]);

/** Polls a run's progress while it is active; refreshes the page once it ends. `unit`: what it counts. */
export function RunProgress({ runId, initial, unit = "groups" }: { runId: number; initial: Progress; unit?: "groups" | "pairs" }) {
  const [p, setP] = useState(initial);
  const router = useRouter();
  useEffect(() => {
    if (!ACTIVE.has(p.status)) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/runs/${runId}`, { cache: "no-store" });
      if (!res.ok) return;
      const next = (await res.json()) as Progress;
      setP(next);
      if (!ACTIVE.has(next.status)) router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [p.status, runId, router]);
  const pct = p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
  return (
    <div className="flex items-center gap-3" data-testid={`run-progress-${runId}`}>
      <div
        className="h-2 w-40 overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={p.total}
        aria-valuenow={p.done}
        aria-label={`Run ${runId} progress`}
      >
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <span className="text-xs tabular-nums text-slate-600">
        {p.done}/{p.total} {unit} · <span data-testid={`run-status-${runId}`}>{p.status}</span>
        {p.cancelRequested && ACTIVE.has(p.status) ? " · cancelling" : ""}
      </span>
    </div>
  );
}
