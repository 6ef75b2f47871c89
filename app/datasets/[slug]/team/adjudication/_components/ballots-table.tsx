import { Time } from "@/components/time";
import type { DisputedPair, DisputedVote } from "@/lib/review/adjudication-queue";

function voteText(v: DisputedVote, pair: DisputedPair): string {
  if (v.preferred === "tie") return "tie";
  if (v.preferred === "both_bad") return "both bad";
  if (v.preferred === pair.chosen.responseId) return "A (the method's chosen)";
  if (v.preferred === pair.rejected.responseId) return "B (the method's rejected)";
  return `response #${v.preferred}`;
}

/** Every vote on a disputed pair: reviewer, preference, reason, time taken. */
export function BallotsTable({ pair }: { pair: DisputedPair }) {
  return (
    <table className="w-full text-sm" aria-label={`Votes on pair ${pair.pairId}`}>
      <thead className="text-left text-slate-600">
        <tr>
          <th className="py-1 pr-4">Reviewer</th>
          <th className="py-1 pr-4">Vote</th>
          <th className="py-1 pr-4">Reason</th>
          <th className="py-1 pr-4 text-right">Seconds</th>
          <th className="py-1">Cast (UTC)</th>
        </tr>
      </thead>
      <tbody>
        {pair.ballots.map((v, i) => (
          <tr key={`${v.reviewer}-${i}`} className="border-t border-slate-100">
            <td className="py-1 pr-4 font-mono">{v.reviewer ?? "(deleted user)"}</td>
            <td className="py-1 pr-4">{voteText(v, pair)}</td>
            <td className="py-1 pr-4 whitespace-pre-wrap">{v.reason ?? "–"}</td>
            <td className="py-1 pr-4 text-right tabular-nums">{v.seconds === null ? "–" : v.seconds.toFixed(1)}</td>
            <td className="py-1">
              <Time value={v.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
