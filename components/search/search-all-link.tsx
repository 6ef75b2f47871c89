import Link from "next/link";

/** Under the pairs filters: what the pairs search looks at, and the way to search every response of the groups. */
export function SearchAllLink({ slug, q }: { slug: string; q: string | undefined }) {
  const href = `/datasets/${slug}/search${q ? `?${new URLSearchParams({ q })}` : ""}`;
  return (
    <p className="text-xs text-slate-600" data-testid="search-scope">
      The pairs search looks at each pair&apos;s own language: its prompt, its chosen and its rejected response.{" "}
      <Link prefetch={false} className="text-indigo-700 underline" href={href}>
        Search every prompt and response{q ? ` for “${q}”` : ""}
      </Link>{" "}
      (also the samples no pair uses) to find prompt groups.
    </p>
  );
}
