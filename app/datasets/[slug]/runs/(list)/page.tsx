import Link from "next/link";
import { runSummaryLine } from "@/components/runs/run-settings";
import { Time } from "@/components/time";
import { getDatabase } from "@/lib/db/client";
import { abilities, pageDataset } from "@/lib/auth/page-guard";
import { groupCounts } from "@/lib/dashboards/queries/overview";
import { listRuns } from "@/lib/runs/queries";
import { RunProgress } from "../_components/run-progress";
import { StartRunForm } from "../_components/start-run-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Runs" };

export default async function RunsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, dataset } = await pageDataset((await params).slug);
  const can = abilities(actor);
  const db = await getDatabase();
  const [runs, counts] = await Promise.all([listRuns(db, dataset.id), groupCounts(db, dataset.id)]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Runs</h1>
      {can.manage && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-3 font-medium">New select run</h2>
          <StartRunForm slug={dataset.slug} groupsWithGold={counts.groupsWithGold} />
        </section>
      )}
      <section className="rounded-lg bg-white p-4 shadow-sm" aria-label="Runs">
        <h2 className="mb-3 font-medium">Run history</h2>
        {runs.length === 0 && <p className="text-sm text-slate-600">No runs yet.</p>}
        <ul className="divide-y divide-slate-100">
          {runs.map((run) => (
            <li key={run.id} className="flex flex-wrap items-center gap-4 py-2 text-sm">
              <Link
                prefetch={false}
                className="font-medium text-indigo-700 hover:underline"
                href={`/datasets/${dataset.slug}/runs/${run.id}`}
              >
                Run {run.number}
              </Link>
              <span className="text-slate-600">{runSummaryLine(run.kind, run.config)}</span>
              <span className="text-slate-500" data-testid={`run-started-${run.id}`}>
                {run.startedAt ? "started " : "created "}
                <Time value={run.startedAt ?? run.createdAt} />
                {run.author ? ` by ${run.author}` : " (no author recorded)"}
              </span>
              <RunProgress run={run} canCancel={can.manage} />
              {run.summary && (
                <span className="text-slate-600">
                  {run.summary.pairs} pairs, {Object.values(run.summary.skipped).reduce((a, b) => a + b, 0)} skipped
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
