/** Splits text around every case-insensitive occurrence of `term` (as plain text: React escapes it). */
export function highlightParts(text: string, term: string): { text: string; hit: boolean }[] {
  const needle = term.toLowerCase();
  if (needle === "") return [{ text, hit: false }];
  const hay = text.toLowerCase();
  const parts: { text: string; hit: boolean }[] = [];
  let from = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), hit: false });
    parts.push({ text: text.slice(at, at + needle.length), hit: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), hit: false });
  return parts;
}

type Match = { in: string; snippet: string; cutStart: boolean; cutEnd: boolean };

/** "in chosen: …text around the term…", the term marked; "…" only where the text goes on. */
export function MatchSnippet({ match, term }: { match: Match; term: string }) {
  return (
    <span className="block text-xs text-slate-500" data-testid="search-match" data-in={match.in}>
      in {match.in}: <MarkedSnippet match={match} term={term} />
    </span>
  );
}

/** The text around a match, whitespace folded, every occurrence of `term` marked, "…" where the text goes on. */
export function MarkedSnippet({ match, term }: { match: Omit<Match, "in">; term: string }) {
  return (
    <>
      {match.cutStart && "…"}
      {highlightParts(match.snippet.replace(/\s+/g, " "), term).map((p, i) =>
        p.hit ? (
          <mark key={i} className="rounded bg-amber-100 px-0.5 text-slate-900">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
      {match.cutEnd && "…"}
    </>
  );
}
