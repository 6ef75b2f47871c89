import Link from "next/link";
import { PairFilters } from "@/components/review/pair-filters";
import { getDatabase } from "@/lib/db/client";
import { abilities, pageDataset } from "@/lib/auth/page-guard";
import { getPairDetail, type PairDetail } from "@/lib/pairs/detail";
import { countPairs, listPairs } from "@/lib/pairs/queries";
import { encodeCursor, filterOf, parsePairTableParams, toQuery } from "@/lib/pairs/table";
import { ReviewGuidelines } from "./_components/review-guidelines";
import { ReviewQueue } from "./_components/review-queue";
import { VoteQueue } from "./_components/vote-queue";
import { ZIdParam } from "@/lib/input-limits";
import { pickableLanguages, usesVoteQueue } from "@/lib/review/queue-mode";
import { getReviewPlan } from "@/lib/review/review-plan";
import { reviewerOf } from "@/lib/review/reviewer";

export const dynamic = "force-dynamic";
export const metadata = { title: "Review" };

const QUEUE_PAGE = 100;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ params, searchParams }: Props) {
  const { actor, dataset } = await pageDataset((await params).slug);
  const can = abilities(actor);
  const db = await getDatabase();
  const plan = await getReviewPlan(db.pool, dataset.id);
  const guidelines = (
    <ReviewGuidelines
      key={`guidelines:${dataset.guidelines}`}
      slug={dataset.slug}
      guidelines={dataset.guidelines}
      lang={dataset.pivotLanguage}
      canEdit={can.manage}
    />
  );
  if (can.review && usesVoteQueue(plan)) {
    const reviewer = await reviewerOf(db.pool, actor.userId);
    const languages = pickableLanguages(
      reviewer.languages,
      dataset.languages.filter((l) => l !== dataset.pivotLanguage),
    );
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Review queue</h1>
        {guidelines}
        {languages.length === 0 ? (
          <p className="rounded bg-white p-6 text-center text-slate-600 shadow-sm" data-testid="queue-no-languages">
            None of your review languages ({reviewer.languages.join(", ")}) is in this dataset; an admin sets them on the Users page.
          </p>
        ) : (
          <VoteQueue slug={dataset.slug} languages={languages} votesPerPair={plan.votesPerPair} blind={plan.blind} />
        )}
      </div>
    );
  }
  const raw = await searchParams;
  const t = { ...parsePairTableParams(raw), after: null, size: QUEUE_PAGE };
  const at = ZIdParam.catch(0).parse(Array.isArray(raw.at) ? raw.at[0] : raw.at);
  const filter = filterOf(t);
  const [page, total] = await Promise.all([listPairs(db, dataset.id, t), countPairs(db, dataset.id, filter)]);
  const ids = page.rows.map((r) => r.id);
  if (Number.isInteger(at) && at > 0 && !ids.includes(at)) ids.unshift(at);
  const start = Math.max(0, ids.indexOf(at));
  const initial: Record<number, PairDetail> = {};
  const loaded = await Promise.allSettled(ids.slice(start, start + 2).map((id) => getPairDetail(db, dataset.id, id)));
  for (const r of loaded) if (r.status === "fulfilled") initial[r.value.pair.id] = r.value;
  const query = toQuery({ ...filter, sort: t.sort, dir: t.dir });
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Review queue</h1>
        <Link prefetch={false} className="text-sm text-indigo-700 hover:underline" href={`/datasets/${dataset.slug}/pairs?${query}`}>
          Open these pairs as a table
        </Link>
      </div>
      <PairFilters
        action={`/datasets/${dataset.slug}/review`}
        languages={dataset.languages.filter((l) => l !== dataset.pivotLanguage)}
        filter={filter}
        keep={{ sort: t.sort, dir: t.dir }}
      />
      {guidelines}
      {!can.review ? (
        <p className="rounded bg-white p-6 text-center text-slate-600 shadow-sm" data-testid="review-read-only">
          Your role can read pairs but not review them;{" "}
          <Link prefetch={false} className="text-indigo-700 underline" href={`/datasets/${dataset.slug}/pairs?${query}`}>
            open them as a table
          </Link>
          .
        </p>
      ) : ids.length === 0 ? (
        <p className="rounded bg-white p-6 text-center text-slate-600 shadow-sm">No pairs match these filters.</p>
      ) : (
        <ReviewQueue
          key={`queue:${query}`}
          slug={dataset.slug}
          query={query}
          initialIds={ids}
          initialNext={page.next ? encodeCursor(page.next) : null}
          initialDetails={initial}
          startIndex={start}
          total={total}
          me={actor.name || actor.email}
        />
      )}
    </div>
  );
}
