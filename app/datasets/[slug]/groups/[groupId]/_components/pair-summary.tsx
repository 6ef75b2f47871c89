import type { GroupPair, GroupResponse } from "@/lib/groups/types";

const SKIP_TEXT: Record<string, string> = {
  no_reference: "no English reference",
  too_few_candidates: "fewer than two scorable responses",
  all_off_target: "every response is in the wrong language",
  same_response: "chosen and rejected would be the same response",
  identical_text: "chosen and rejected have the same text",
  below_margin: "margin below the run's threshold",
  cross_script: "the scorer compares characters, and these responses are in another script than the reference",
  no_gold_reference: "gold-reference run: no English sample has the gold answer",
};

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
      {pair.margin !== null && <span className="tabular-nums">margin {pair.margin.toFixed(3)}</span>}
      {pair.skipReason && (
        <span className="text-amber-800" data-testid="skip-reason">
          skipped: {SKIP_TEXT[pair.skipReason] ?? pair.skipReason}
          {pair.skipDetail ? ` (${pair.skipDetail})` : ""}
        </span>
      )}
      {pair.conflict && <span className="rounded bg-red-100 px-1.5 text-red-800">conflict: the method now proposes another pair</span>}
      {pair.offTarget && <span className="rounded bg-amber-100 px-1.5 text-amber-800">off-target language</span>}
      {pair.flagged && <span className="rounded bg-orange-100 px-1.5 text-orange-800">flagged{pair.flagReason ? `: ${pair.flagReason}` : ""}</span>}
    </div>
  );
}
