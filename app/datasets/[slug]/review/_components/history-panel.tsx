import { Time } from "@/components/time";
import type { HistoryEntry } from "@/lib/pairs/detail";

type Props = { history: HistoryEntry[]; sampleOf: (id: number | null) => string; onUndo: (decisionId: number) => void; busy: boolean };

/** The pair's full, append-only decision history; any decision but an undo can be undone (which appends an undo). */
export function HistoryPanel({ history, sampleOf, onUndo, busy }: Props) {
  return (
    <section aria-label="Decision history" className="rounded bg-white p-3 text-sm shadow-sm">
      <h3 className="mb-2 text-xs uppercase text-slate-500">History ({history.length})</h3>
      {history.length === 0 && <p className="text-slate-500">No human decision yet: this is the run&apos;s proposal.</p>}
      <ol className="space-y-1.5">
        {history.map((h) => (
          <li key={h.id} className="flex flex-wrap items-baseline gap-2" data-testid="history-entry" data-action={h.action}>
            <span className="font-mono text-xs text-slate-500">decision #{h.id}</span>
            <span className="font-medium">
              {h.action}
              {h.undoesId !== null && ` of decision #${h.undoesId} (${history.find((x) => x.id === h.undoesId)?.action ?? "earlier"})`}
            </span>
            <span className="text-slate-600">
              chosen {sampleOf(h.chosenId)} · rejected {sampleOf(h.rejectedId)}
            </span>
            <span className="text-slate-500">
              by {h.author ?? "anonymous"} · <Time value={h.createdAt} />
            </span>
            {h.reason && <span className="italic text-slate-700">“{h.reason}”</span>}
            {h.action === "undo" ? null : h.undoneBy !== null ? (
              <span className="text-xs text-slate-500">undone by #{h.undoneBy}</span>
            ) : (
              <button
                type="button"
                disabled={busy}
                onClick={() => onUndo(h.id)}
                aria-label={`Undo decision #${h.id} (${h.action})`}
                className="rounded border border-slate-300 px-1.5 text-xs hover:bg-slate-50 disabled:opacity-50"
              >
                Undo
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
