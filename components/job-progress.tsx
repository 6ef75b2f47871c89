"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";

export type JobProgressState = {
  status: string;
  done: number;
  total: number;
  error: string | null;
  cancelRequested: boolean;
  /** Records read so far, for an import (whose `done` and `total` count bytes). */
  records?: number;
};

const ACTIVE = new Set(["queued", "running"]);
const POLL_MS = 1_000;

type Props = {
  /** The job kind of GET /api/jobs/{kind}/{id}: select, generate, embed, bulk, export or import. */
  kind: string;
  id: number;
  initial: JobProgressState;
  /** What `done` and `total` count, e.g. "groups" or "pairs". */
  unit: string;
  /** Shows a Cancel button (POST /api/jobs/{kind}/{id}/cancel) while the job is active. */
  cancellable?: boolean;
  /** The counts' wording before the status; default `done/total unit`. */
  describe?: (p: JobProgressState) => ReactNode;
  /** Test ids of the root and of the status text; default `job-progress-<kind>-<id>`, `job-status-<kind>-<id>`. */
  testIds?: { root: string; status: string };
};

/** Any job's progress: polls the one job route while the job is active, offers cancel, refreshes the page once it ends. */
export function JobProgress({ kind, id, initial, unit, cancellable = false, describe, testIds }: Props) {
  const [p, setP] = useState(initial);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const router = useRouter();
  const active = ACTIVE.has(p.status);
  const url = `/api/jobs/${kind}/${id}`;

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      // A failed poll (server restarting) is retried on the next tick.
      const res = await fetch(url, { cache: "no-store" }).catch(() => null);
      if (!res?.ok) return;
      const next = (await res.json()) as JobProgressState;
      setP(next);
      if (!ACTIVE.has(next.status)) router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, url, router]);

  async function cancel() {
    setCancelling(true);
    const res = await fetch(`${url}/cancel`, { method: "POST" }).catch(() => null);
    setCancelling(false);
    const body = res
      ? ((await res.json().catch(() => ({}))) as Partial<JobProgressState> & { error?: string })
      : { error: "The server did not answer." };
    if (!res?.ok && body.error) return setCancelError(body.error);
    setP((x) => ({ ...x, ...body, cancelRequested: true }));
    if (body.status && !ACTIVE.has(body.status)) router.refresh();
  }

  const pct = p.total > 0 ? Math.min(100, Math.round((100 * p.done) / p.total)) : 0;
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid={testIds?.root ?? `job-progress-${kind}-${id}`}>
      <div
        className="h-2 w-40 overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={p.total}
        aria-valuenow={p.done}
        aria-label={`${kind === "export" ? "Export" : kind === "import" ? "Import" : kind === "bulk" ? "Bulk job" : "Run"} ${id} progress`}
      >
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <span className="text-xs tabular-nums text-slate-600">
        {describe ? describe(p) : `${p.done.toLocaleString("en")}/${p.total.toLocaleString("en")} ${unit}`} ·{" "}
        <span data-testid={testIds?.status ?? `job-status-${kind}-${id}`}>{p.status}</span>
        {p.cancelRequested && active ? " · cancelling" : ""}
      </span>
      {cancellable && active && !p.cancelRequested && (
        <button
          type="button"
          disabled={cancelling}
          onClick={() => void cancel()}
          className="text-xs text-red-700 hover:underline disabled:opacity-50"
        >
          Cancel
        </button>
      )}
      {cancelError && (
        <p role="alert" className="text-xs text-red-700">
          {cancelError}
        </p>
      )}
    </div>
  );
}
