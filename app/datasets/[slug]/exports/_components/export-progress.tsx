"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { cancelExportAction } from "../actions";

type Progress = { status: string; rowsDone: number; rowsTotal: number; cancelRequested: boolean; error: string | null };

const POLL_MS = 1_000;
const UNFINISHED = new Set(["queued", "running"]);

/** A queued or running export: polls its progress, offers cancel, and reloads the list once it ends. */
export function ExportProgress({ exportId, initial, canCancel }: { exportId: number; initial: Progress; canCancel: boolean }) {
  const [progress, setProgress] = useState(initial);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [cancelling, startCancel] = useTransition();
  const router = useRouter();

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const res = await fetch(`/api/exports/${exportId}/progress`, { cache: "no-store" });
        if (res.ok && !stopped) {
          const next = (await res.json()) as Progress;
          setProgress(next);
          if (!UNFINISHED.has(next.status)) {
            stopped = true;
            router.refresh();
            return;
          }
        }
      } catch {
        // A failed poll (server restarting) is retried on the next tick.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    let timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [exportId, router]);

  const { status, rowsDone, rowsTotal } = progress;
  const percent = rowsTotal > 0 ? Math.min(100, Math.round((rowsDone / rowsTotal) * 100)) : 0;
  return (
    <div className="space-y-1" data-testid={`export-progress-${exportId}`}>
      <div className="text-xs text-slate-600">
        <span data-testid="export-status">{progress.cancelRequested && UNFINISHED.has(status) ? "cancelling" : status}</span>
        {status === "running" && ` · ${rowsDone.toLocaleString("en")} / ${rowsTotal.toLocaleString("en")} pairs`}
      </div>
      {UNFINISHED.has(status) && (
        <>
          <div
            role="progressbar"
            aria-label={`Export ${exportId} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-1.5 w-32 overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          {canCancel && <button
            type="button"
            disabled={cancelling || progress.cancelRequested}
            onClick={() =>
              startCancel(async () => {
                const result = await cancelExportAction({ exportId });
                if (!result.ok) return setCancelError(result.error);
                setProgress((p) => ({ ...p, cancelRequested: true, status: result.data.status }));
                if (!UNFINISHED.has(result.data.status)) router.refresh();
              })
            }
            className="text-xs text-red-700 hover:underline disabled:opacity-50"
          >
            Cancel
          </button>}
        </>
      )}
      {cancelError && <p role="alert" className="text-xs text-red-700">{cancelError}</p>}
    </div>
  );
}
