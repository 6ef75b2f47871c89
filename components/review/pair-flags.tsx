import { conflictText, skipText } from "@/components/scores/pair-explanations";
import { LOW_CONS } from "@/lib/pairs/constants";

type Flagged = {
  conflict: boolean;
  offTarget: boolean;
  status: string;
  skipReason: string | null;
  flagged: boolean;
  flagReason: string | null;
  skipDetail: string | null;
  proposedSkipReason: string | null;
  proposedSkipDetail: string | null;
};

/** The pair's flags as small labels (shared by the table and the review queue). */
export function PairFlags({ pair, cons }: { pair: Flagged; cons: number | null }) {
  return (
    <span className="inline-flex flex-wrap gap-1 text-xs">
      {pair.conflict && (
        <span
          className="rounded bg-amber-100 px-1 text-amber-800"
          title={`a newer run or reference correction disagrees with the human decision: ${conflictText(pair)}`}
        >
          conflict{pair.proposedSkipReason && `: now ${pair.proposedSkipReason}`}
        </span>
      )}
      {pair.offTarget && <span className="rounded bg-orange-100 px-1 text-orange-800">off-target</span>}
      {pair.status === "skipped" && (
        <span
          className="rounded bg-slate-200 px-1 text-slate-700"
          data-testid="skip-flag"
          title={pair.skipReason ? skipText(pair.skipReason, pair.skipDetail) : undefined}
        >
          skipped{pair.skipReason && `: ${pair.skipReason}`}
        </span>
      )}
      {pair.flagged && (
        <span className="rounded bg-rose-100 px-1 text-rose-800" title={pair.flagReason ?? ""}>
          flagged{pair.flagReason && `: ${pair.flagReason}`}
        </span>
      )}
      {cons !== null && cons < LOW_CONS && <span className="rounded bg-violet-100 px-1 text-violet-800">low Cons {cons.toFixed(2)}</span>}
    </span>
  );
}
