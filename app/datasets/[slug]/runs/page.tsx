import Link from "next/link";
import { JobProgress } from "@/components/job-progress";
import { getDatabase } from "@/lib/db/client";
import { jobProgressOf, runUnit } from "@/lib/jobs/job-status";
import { abilities, pageDataset } from "@/lib/auth/page-guard";
import { groupCounts } from "@/lib/dashboards/queries/overview";
import { listRuns } from "@/lib/runs/queries";
import { CancelRunButton } from "./_components/cancel-run-button";
import { StartRunForm } from "./_components/start-run-form";

export const dynamic = "force-dynamic";

export default async function RunsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, dataset } = await pageDataset((await params).slug);
  const can = abilities(actor);
  const db = await getDatabase();
  const [runs, counts] = await Promise.all([listRuns(db, dataset.id), groupCounts(db, dataset.id)]);
  return (
    <div className="space-y-6">
      {can.manage && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-3 font-medium">New select run</h2>
          <StartRunForm slug={dataset.slug} groupsWithGold={counts.groupsWithGold} />
        </section>
      )}
      <section className="rounded-lg bg-white p-4 shadow-sm" aria-label="Runs">
        <h2 className="mb-3 font-medium">Runs</h2>
        {runs.length === 0 && <p className="text-sm text-slate-600">No runs yet.</p>}
        <ul className="divide-y divide-slate-100">
          {runs.map((run) => (
            <li key={run.id} className="flex flex-wrap items-center gap-4 py-2 text-sm">
              <Link
                prefetch={false}
                className="font-mono text-indigo-700 hover:underline"
                href={`/datasets/${dataset.slug}/runs/${run.id}`}
              >
                run {run.id}
              </Link>
              <span className="text-slate-600">
                {run.kind === "bulk"
                  ? `bulk ${String((run.config.spec as { action?: unknown } | undefined)?.action ?? "")} on pairs`
                  : `${run.kind} · ${String(run.config.scorer ?? "")} · reference ${String(run.config.reference ?? "")} · pairs ${String(run.config.pairs ?? "")}`}
              </span>
              <JobProgress
                kind={run.kind}
                id={run.id}
                testIds={{ root: `run-progress-${run.id}`, status: `run-status-${run.id}` }}
                unit={runUnit(run.kind)}
                initial={jobProgressOf(run)}
              />
              {can.manage && (run.status === "queued" || run.status === "running") && <CancelRunButton runId={run.id} />}
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
