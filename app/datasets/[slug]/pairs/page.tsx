import { PairFilters } from "@/components/review/pair-filters";
import { SearchAllLink } from "@/components/search/search-all-link";
import { getDatabase } from "@/lib/db/client";
import { abilities, pageDataset } from "@/lib/auth/page-guard";
import { recentBulkJobs } from "@/lib/pairs/bulk-in-dataset";
import { countPairs, listPairs } from "@/lib/pairs/queries";
import { filterOf, parsePairTableParams, toQuery } from "@/lib/pairs/table";
import { BulkPanel } from "./_components/bulk-panel";
import { PairsTable } from "./_components/pairs-table";

export const dynamic = "force-dynamic";
export const metadata = { title: "Pairs" };

/** Counting stops here: a page over a huge filter result stays fast ("more than 10000 pairs match"). */
const TOTAL_CAP = 10_000;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PairsPage({ params, searchParams }: Props) {
  const { actor, dataset } = await pageDataset((await params).slug);
  const can = abilities(actor);
  const t = parsePairTableParams(await searchParams);
  const db = await getDatabase();
  const filter = filterOf(t);
  const [page, total, jobs] = await Promise.all([
    listPairs(db, dataset.id, t),
    countPairs(db, dataset.id, filter, TOTAL_CAP),
    recentBulkJobs(db, dataset.id),
  ]);
  const totalLabel = total > TOTAL_CAP ? `more than ${TOTAL_CAP}` : String(total);
  const view = { sort: t.sort, dir: t.dir, size: t.size, hide: t.hide };
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Pairs</h1>
        <p className="text-sm text-slate-600" data-testid="pairs-total">
          {totalLabel} pairs match
        </p>
      </div>
      <PairFilters
        action={`/datasets/${dataset.slug}/pairs`}
        languages={dataset.languages.filter((l) => l !== dataset.pivotLanguage)}
        filter={filter}
        keep={{ sort: t.sort, dir: t.dir, size: String(t.size), hide: t.hide.join(",") || undefined }}
      />
      <SearchAllLink slug={dataset.slug} q={filter.q} />
      <PairsTable
        slug={dataset.slug}
        rows={page.rows}
        nextQuery={page.next ? toQuery({ ...filter, ...view, after: page.next }) : null}
        reviewQuery={toQuery({ ...filter, sort: t.sort, dir: t.dir })}
        q={filter.q}
      />
      {can.review && <BulkPanel slug={dataset.slug} filter={filter} total={totalLabel} jobs={jobs} />}
    </div>
  );
}
