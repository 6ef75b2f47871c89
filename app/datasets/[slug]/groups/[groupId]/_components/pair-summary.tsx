import { PairMargin } from "@/components/scores/pair-margin";
import { conflictText, skipText } from "@/components/scores/pair-explanations";
import type { GroupPair, GroupResponse } from "@/lib/groups/types";

function sample(id: number | null, byId: Map<number, GroupResponse>): string {
  const r = id === null ? undefined : byId.get(id);
  return r ? `sample ${r.sampleIndex}` : "–";
}

/** The effective pair of one language: chosen/rejected, margin, status, origin, and why it was skipped. */
export function PairSummary({ pair, byId }: { pair: GroupPair | undefined; byId: Map<number, GroupResponse> }) {
  if (!pair) return <p className="text-sm text-slate-500">No pair yet: run a selection.</p>;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid={`pair-${pair.language}`}>
      <span>
        status <strong data-testid="pair-status">{pair.status}</strong> ({pair.origin})
      </span>
      {pair.chosenId !== null && (
        <span>
          chosen <strong data-testid="pair-chosen">{sample(pair.chosenId, byId)}</strong> · rejected{" "}
          <strong data-testid="pair-rejected">{sample(pair.rejectedId, byId)}</strong>
        </span>
      )}
      {pair.margin !== null && (
        <span className="tabular-nums" data-testid="pair-margin">
          margin <PairMargin margin={pair.margin} basis={pair.basis} long />
        </span>
      )}
      {pair.skipReason && (
        <span className="text-amber-800" data-testid="skip-reason" data-reason={pair.skipReason}>
          skipped: {skipText(pair.skipReason, pair.skipDetail)}
        </span>
      )}
      {pair.conflict && (
        <span className="rounded bg-red-100 px-1.5 text-red-800" data-testid="pair-conflict">
          conflict: {conflictText(pair)}
        </span>
      )}
      {pair.offTarget && <span className="rounded bg-amber-100 px-1.5 text-amber-800">off-target language</span>}
      {pair.flagged && (
        <span className="rounded bg-orange-100 px-1.5 text-orange-800">flagged{pair.flagReason ? `: ${pair.flagReason}` : ""}</span>
      )}
    </div>
  );
}
