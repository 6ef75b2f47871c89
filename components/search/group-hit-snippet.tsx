import { MarkedSnippet } from "@/components/review/match-snippet";
import { directionOf } from "@/lib/text-direction";

type Match = { in: "prompt" | "response"; lang: string; sample: number | null; snippet: string; cutStart: boolean; cutEnd: boolean };

/** Where a group matched ("de response, sample 3: …") and the text around the term, in its language's direction. */
export function GroupHitSnippet({ match, term }: { match: Match; term: string }) {
  const where = match.in === "prompt" ? `${match.lang} prompt` : `${match.lang} response, sample ${match.sample}`;
  return (
    <span className="block text-xs text-slate-500" data-testid="group-match" data-in={match.in} data-lang={match.lang}>
      {where}:{" "}
      <bdi lang={match.lang} dir={directionOf(match.lang)} className="model-text text-slate-700">
        <MarkedSnippet match={match} term={term} />
      </bdi>
    </span>
  );
}
