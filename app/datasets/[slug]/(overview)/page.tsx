import Link from "next/link";
import { ChartSection } from "@/components/charts/chart-section";
import { CountTiles } from "@/components/charts/count-tiles";
import { LanguageText } from "@/components/language-text";
import {
  consChart,
  countTiles,
  lengthChart,
  marginCharts,
  offTargetChart,
  scoreCharts,
  statusChart,
} from "@/lib/dashboards/charts/overview";
import { qualityCharts } from "@/lib/dashboards/charts/quality";
import { loadOverview } from "@/lib/dashboards/queries/overview";
import { latestModelUsage } from "@/lib/dashboards/queries/models";
import { qualityRows } from "@/lib/dashboards/queries/quality";
import { getDatabase } from "@/lib/db/client";
import { abilities, pageDataset } from "@/lib/auth/page-guard";
import { listGroups } from "@/lib/datasets/queries";
import { ZGroupPageParams } from "@/lib/datasets/schemas";
import { ModelUsageSection } from "../_components/model-usage";

export const dynamic = "force-dynamic";

// The layout's title template serves the pages below it, not this one beside it.
export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { dataset } = await pageDataset((await params).slug);
  return { title: { absolute: `Overview · ${dataset.name} · CM-Align Studio` } };
}

const PAGE_SIZE = 50;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DatasetPage({ params, searchParams }: Props) {
  const { actor, dataset } = await pageDataset((await params).slug);
  const { after } = ZGroupPageParams.parse(await searchParams);
  const db = await getDatabase();
  const [overview, quality, models, groups] = await Promise.all([
    loadOverview(db, dataset.id),
    qualityRows(db, dataset.id),
    latestModelUsage(db, dataset.id),
    listGroups(dataset.id, { after, limit: PAGE_SIZE + 1 }),
  ]);
  const page = groups.slice(0, PAGE_SIZE);
  const next = groups.length > PAGE_SIZE ? page.at(-1)?.id : undefined;
  const s = dataset.slug;
  const hasPairs = overview.pairs.length > 0;
  const qualityModels = qualityCharts(s, quality);
  return (
    <div className="space-y-8">
      <div>
        {/* The dataset's name heads every dataset page (the layout); this page is its overview. */}
        <h1 className="text-2xl font-semibold">Overview</h1>
        <p className="text-sm text-slate-600">
          <span className="font-mono">{dataset.slug}</span> · task {dataset.task} · pivot {dataset.pivotLanguage}
        </p>
      </div>
      <CountTiles tiles={countTiles(s, overview.counts, overview.pairs)} />
      {!hasPairs && (
        <p className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900">
          {abilities(actor).manage ? (
            <>
              No pairs yet:{" "}
              <Link prefetch={false} className="text-indigo-700 underline" href={`/datasets/${s}/runs`}>
                start a select run
              </Link>{" "}
              to see the pair charts.
            </>
          ) : (
            "No pairs yet: the pair charts appear once an admin has run the method on this dataset."
          )}
        </p>
      )}
      {hasPairs && (
        <ChartSection
          title="Pairs and references"
          note="Click a bar to open the pairs behind it. Low reference Cons = prompts whose English samples disagree."
          charts={[
            statusChart(s, overview.pairs),
            ...(overview.cons.run === null ? [] : [consChart(s, overview.cons.run, overview.cons.rows)]),
          ]}
        />
      )}
      {hasPairs && <ChartSection title="Margin by language" columns={3} height={220} charts={marginCharts(s, overview.margins)} />}
      {hasPairs && (
        <ChartSection
          title="CL scores of chosen vs rejected"
          note="Chosen responses should sit to the right of rejected ones; skipped pairs are left out."
          columns={3}
          height={220}
          charts={scoreCharts(s, overview.chosenScores, overview.rejectedScores)}
        />
      )}
      <ChartSection title="Responses" charts={[offTargetChart(s, overview.responses), lengthChart(s, overview.responses)]} />
      {qualityModels.length > 0 && (
        <ChartSection
          title="Quality on gold answers"
          note="Per succeeded select run: the consistency method next to its baselines (first/random reference, random pairs) and the gold reference. The compare page puts them next to the oracle."
          charts={qualityModels}
        />
      )}
      <ModelUsageSection slug={s} usage={models} />
      <section aria-label="Prompt groups" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">Prompt groups</h2>
        <ul className="divide-y divide-slate-100">
          {page.map((g) => (
            <li key={g.id} className="flex items-baseline gap-3 py-2 text-sm">
              <Link
                prefetch={false}
                className="w-40 shrink-0 font-mono text-indigo-700 hover:underline"
                href={`/datasets/${s}/groups/${g.id}`}
              >
                {g.externalId}
              </Link>
              <LanguageText lang={dataset.pivotLanguage} text={g.prompt ?? ""} className="line-clamp-1 flex-1 text-slate-700" />
              <span className="shrink-0 text-slate-500">
                {g.languages} languages · {g.responses} responses
              </span>
            </li>
          ))}
        </ul>
        <div className="mt-3 flex gap-4 text-sm">
          {after !== undefined && (
            <Link prefetch={false} className="text-indigo-700 hover:underline" href={`/datasets/${s}`}>
              First page
            </Link>
          )}
          {next !== undefined && (
            <Link prefetch={false} className="text-indigo-700 hover:underline" href={`/datasets/${s}?after=${next}`}>
              Next page
            </Link>
          )}
        </div>
      </section>
    </div>
  );
}
