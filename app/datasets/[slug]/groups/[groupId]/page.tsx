import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ScoreHeatmap } from "@/components/heatmap/score-heatmap";
import { getDatabase } from "@/lib/db/client";
import { abilities } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors";
import { getGroupView } from "@/lib/groups/queries";
import { heatmapOf } from "@/lib/groups/ranking";
import { LanguageSection } from "./_components/language-section";
import { ReferencePanel } from "./_components/reference-panel";
import { pageGroup } from "./page-group";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; groupId: string }> };

// Once per render: the title and the page share one read of the group.
const groupView = cache(async (datasetId: number, groupId: number) =>
  getGroupView(await getDatabase(), datasetId, groupId).catch((e: unknown) =>
    isAppError(e) && e.code === "NOT_FOUND" ? null : Promise.reject(e),
  ),
);

export async function generateMetadata({ params }: Props) {
  const { dataset, groupId } = await pageGroup(await params);
  const view = await groupView(dataset.id, groupId);
  return { title: view ? `Group ${view.group.externalId}` : "Group" };
}

export default async function GroupPage({ params }: Props) {
  const { actor, dataset, groupId } = await pageGroup(await params);
  const can = abilities(actor);
  const view = await groupView(dataset.id, groupId);
  if (!view) notFound();
  const byId = new Map(view.responses.map((r) => [r.id, r]));
  const heatmap = heatmapOf(view.languages, view.pivot, view.responses, view.pairs, view.reference.responseId);
  return (
    <div className="space-y-6">
      <div>
        <Link prefetch={false} className="text-sm text-indigo-700 hover:underline" href={`/datasets/${dataset.slug}`}>
          ← {dataset.name}
        </Link>
        <h1 className="text-2xl font-semibold">
          Prompt group <span className="font-mono">{view.group.externalId}</span>
        </h1>
        {view.group.gold !== null && (
          <p className="text-sm text-slate-600">
            Gold answer: <span className="font-mono">{view.group.gold}</span>
          </p>
        )}
      </div>
      <ReferencePanel view={view} slug={dataset.slug} byId={byId} canReview={can.review} />
      <section aria-label="Score heatmap" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">Scores</h2>
        <ScoreHeatmap map={heatmap} />
      </section>
      {view.languages.map((lang) => (
        <LanguageSection key={lang} view={view} lang={lang} slug={dataset.slug} byId={byId} canReview={can.review} />
      ))}
    </div>
  );
}
