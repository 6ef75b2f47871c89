import Link from "next/link";
import { z } from "zod";
import { GroupHitSnippet } from "@/components/search/group-hit-snippet";
import { pageDataset } from "@/lib/auth/page-guard";
import { getDatabase } from "@/lib/db/client";
import { hasNul, MAX_ID } from "@/lib/input-limits";
import { searchGroups } from "@/lib/search/group-search";

export const dynamic = "force-dynamic";
export const metadata = { title: "Search" };

const PAGE_SIZE = 50;
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const ZSearchParams = z.object({
  q: z
    .preprocess(
      one,
      z
        .string()
        .max(200)
        .refine((s) => !hasNul(s))
        .transform((s) => s.trim()),
    )
    .optional()
    .catch(undefined),
  after: z.preprocess(one, z.coerce.number().int().nonnegative().max(MAX_ID)).optional().catch(undefined),
});

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every prompt and response of the dataset's groups, paired or not; a hit opens its group. */
export default async function SearchPage({ params, searchParams }: Props) {
  const { dataset } = await pageDataset((await params).slug);
  const { q, after } = ZSearchParams.parse(await searchParams);
  const s = dataset.slug;
  const hits = q ? await searchGroups(await getDatabase(), dataset.id, q, PAGE_SIZE + 1, after ?? 0) : [];
  const page = hits.slice(0, PAGE_SIZE);
  const next = hits.length > PAGE_SIZE ? page.at(-1)?.groupId : undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Search prompts and responses</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded bg-white p-3 text-sm shadow-sm" aria-label="Search">
        <label className="flex flex-col">
          Text in any prompt or response (every language, every sample)
          <input name="q" type="search" defaultValue={q ?? ""} className="w-80 rounded border border-slate-300 bg-white px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-indigo-600 px-3 py-1 text-white hover:bg-indigo-700">
          Search
        </button>
        {q && (
          <Link prefetch={false} className="text-indigo-700 underline" href={`/datasets/${s}/pairs?${new URLSearchParams({ q })}`}>
            Search the pairs instead
          </Link>
        )}
      </form>
      {q && (
        <section aria-label="Matching groups" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-medium" data-testid="group-hits-total">
            {page.length === 0
              ? "No prompt group matches"
              : `${after ? "More" : page.length < PAGE_SIZE ? page.length : `First ${PAGE_SIZE}`} matching prompt groups`}
          </h2>
          <ul className="divide-y divide-slate-100">
            {page.map((h) => (
              <li key={h.groupId} className="py-2 text-sm" data-testid="group-hit">
                <Link prefetch={false} className="font-mono text-indigo-700 hover:underline" href={`/datasets/${s}/groups/${h.groupId}`}>
                  {h.externalId}
                </Link>{" "}
                <span className="text-slate-500">
                  {h.prompts} {h.prompts === 1 ? "prompt" : "prompts"} and {h.responses} {h.responses === 1 ? "response" : "responses"}{" "}
                  match
                </span>
                <GroupHitSnippet match={h.match} term={q} />
              </li>
            ))}
          </ul>
          {next !== undefined && (
            <Link
              prefetch={false}
              className="mt-3 inline-block text-sm text-indigo-700 hover:underline"
              href={`/datasets/${s}/search?${new URLSearchParams({ q, after: String(next) })}`}
            >
              Next page
            </Link>
          )}
        </section>
      )}
    </div>
  );
}
