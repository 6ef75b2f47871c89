import Link from "next/link";
import { LanguageBadge } from "@/components/language-badge";
import { LanguageText } from "@/components/language-text";
import { ModelOutput } from "@/components/model-output/model-output";
import { abilities, pageDataset } from "@/lib/auth/page-guard";
import { getDatabase } from "@/lib/db/client";
import { countDisputedPairs, type DisputedPair, listDisputedPairs } from "@/lib/review/adjudication-queue";
import { BallotsTable } from "./_components/ballots-table";
import { VerdictForm } from "./_components/verdict-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Adjudication" };

/** Pairs shown at once; settling one brings the next. */
const QUEUE_PAGE = 20;

type Props = { params: Promise<{ slug: string }> };

function DisputedCard({ slug, pair }: { slug: string; pair: DisputedPair }) {
  const sides = [
    { key: "A", title: "Response A — the method's chosen", response: pair.chosen },
    { key: "B", title: "Response B — the method's rejected", response: pair.rejected },
  ];
  return (
    <article aria-label={`Disputed pair ${pair.pairId}`} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 className="flex flex-wrap items-baseline gap-3 text-sm font-medium">
        <Link prefetch={false} className="text-indigo-700 hover:underline" href={`/datasets/${slug}/groups/${pair.groupId}`}>
          Pair #{pair.pairId}
        </Link>
        <LanguageBadge lang={pair.lang} />
        <span className="font-normal text-slate-600">
          {pair.votes} votes · the most common preference has {(pair.topShare * 100).toFixed(0)}% of them · margin{" "}
          {pair.margin === null ? "–" : pair.margin.toFixed(3)}
        </span>
      </h2>
      <LanguageText lang={pair.lang} text={pair.prompt} className="whitespace-pre-wrap rounded bg-slate-50 p-2 text-sm" />
      <div className="grid gap-3 lg:grid-cols-2">
        {sides.map((side) => (
          <section key={side.key} aria-label={side.title} className="rounded border border-slate-200 p-3">
            <h3 className="mb-1 text-sm font-medium">
              {side.title} <span className="font-normal text-slate-500">(response #{side.response.responseId})</span>
            </h3>
            <ModelOutput text={side.response.text} lang={pair.lang} />
          </section>
        ))}
      </div>
      <BallotsTable pair={pair} />
      <VerdictForm slug={slug} pairId={pair.pairId} chosenId={pair.chosen.responseId} rejectedId={pair.rejected.responseId} />
    </article>
  );
}

/** The admins' adjudication queue: disputed pairs, lowest agreement first, each with its votes and a verdict form. */
export default async function AdjudicationPage({ params }: Props) {
  const { actor, dataset } = await pageDataset((await params).slug);
  if (!abilities(actor).manage) return <p className="text-sm text-slate-600">Only admins adjudicate disputed pairs.</p>;
  const db = await getDatabase();
  const [pairs, total] = await Promise.all([listDisputedPairs(db.pool, dataset.id, QUEUE_PAGE), countDisputedPairs(db.pool, dataset.id)]);
  const s = dataset.slug;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Adjudication queue</h1>
        <p className="max-w-4xl text-sm text-slate-600">
          A pair is disputed when its planned votes are in and no preference has more than half of them. Lowest agreement first. Your
          verdict settles the pair (the preferred response chosen; tie or both bad reject it) and is recorded as an adjudication; it leaves
          the review queue. Back to{" "}
          <Link prefetch={false} className="text-indigo-700 underline" href={`/datasets/${s}/team`}>
            team review
          </Link>
          .
        </p>
        <p className="mt-1 text-sm" data-testid="adjudication-total">
          {total === 0
            ? "No disputed pairs."
            : total > pairs.length
              ? `${total} disputed pairs; the ${pairs.length} with the lowest agreement are shown.`
              : `${total} disputed ${total === 1 ? "pair" : "pairs"}.`}
        </p>
      </div>
      {pairs.map((p) => (
        <DisputedCard key={p.pairId} slug={s} pair={p} />
      ))}
    </div>
  );
}
