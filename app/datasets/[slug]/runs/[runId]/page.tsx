import Link from "next/link";
import { LanguageBadge } from "@/components/language-badge";
import { runSettings } from "@/components/runs/run-settings";
import { Time } from "@/components/time";
import { SKIP_TEXT } from "@/components/scores/pair-explanations";
import { ScoreLegend } from "@/components/scores/score-legend";
import { abilities } from "@/lib/auth/page-guard";
import { RunProgress } from "../_components/run-progress";
import { pageRun } from "./page-run";
import { RunCharts } from "./run-charts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; runId: string }> };

export async function generateMetadata({ params }: Props) {
  const { run } = await pageRun(await params);
  return { title: `Run ${run.number}` };
}

const pct = (x: number | null | undefined) => (x === undefined || x === null ? "–" : `${(100 * x).toFixed(1)}%`);

export default async function RunPage({ params }: Props) {
  const { actor, dataset, run } = await pageRun(await params);
  const can = abilities(actor);
  const languages = Object.entries(run.summary?.languages ?? {});
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        <Link prefetch={false} className="text-sm text-indigo-700 hover:underline" href={`/datasets/${dataset.slug}/runs`}>
          ← Runs
        </Link>
        <h1 className="text-xl font-semibold">Run {run.number}</h1>
        <RunProgress run={run} canCancel={can.manage} />
      </div>
      <p className="text-sm text-slate-600" data-testid="run-facts">
        {run.kind} run · {run.startedAt ? "started " : "created, not started yet, "}
        <Time value={run.startedAt ?? run.createdAt} />
        {run.author ? ` by ${run.author}` : " (no author recorded)"}
        {run.finishedAt && (
          <>
            {" "}
            · finished <Time value={run.finishedAt} />
          </>
        )}{" "}
        · id #{run.id} in URLs, the CLI and the API
      </p>
      {run.error && (
        <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800">
          {run.error}
        </p>
      )}
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h3 className="mb-2 font-medium">Configuration</h3>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm" aria-label="Run settings">
          {runSettings(run.kind, run.config).map((s) => (
            <div key={s.label} className="contents">
              <dt className="text-slate-600">{s.label}</dt>
              <dd>{s.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {run.summary && (
        <section className="rounded-lg bg-white p-4 shadow-sm" aria-label="Run summary">
          <h3 className="mb-2 font-medium">
            Summary: {run.summary.groups} groups, {run.summary.pairs} pairs
            {run.summary.durationMs !== null && (
              <span className="text-sm text-slate-500"> in {(run.summary.durationMs / 1000).toFixed(1)} s</span>
            )}
          </h3>
          <p className="mb-2 text-sm text-slate-600">
            Scorers used:{" "}
            {Object.entries(run.summary.scorers)
              .map(([s, n]) => `${s} × ${n}`)
              .join(", ")}
          </p>
          <table className="text-sm">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="pr-6">Language</th>
                <th className="pr-6 text-right">Pairs</th>
                <th className="pr-6 text-right">of which guard</th>
                <th className="pr-6 text-right">Mean margin</th>
                <th className="pr-6">Skipped</th>
                <th className="pr-6 text-right">Chosen correct</th>
                <th className="pr-6 text-right">Rejected wrong</th>
                <th className="pr-6 text-right">Chosen on-target</th>
                <th className="pr-6 text-right">Oracle</th>
                <th className="text-right">Random on-target pick</th>
              </tr>
            </thead>
            <tbody>
              {languages.map(([lang, l]) => (
                <tr key={lang}>
                  <td className="pr-6">
                    <LanguageBadge lang={lang} />
                  </td>
                  <td className="pr-6 text-right tabular-nums">{l.pairs}</td>
                  <td className="pr-6 text-right tabular-nums">{l.guardPairs ?? "–"}</td>
                  <td className="pr-6 text-right tabular-nums">{l.meanMargin === null ? "–" : l.meanMargin.toFixed(3)}</td>
                  <td className="pr-6 text-slate-600">
                    {Object.entries(l.skipped).map(([r, n], i) => (
                      <span key={r} title={SKIP_TEXT[r]} data-testid={`run-skip-${lang}-${r}`}>
                        {i > 0 && ", "}
                        {r} {n}
                      </span>
                    ))}
                    {Object.keys(l.skipped).length === 0 && "–"}
                  </td>
                  <td className="pr-6 text-right tabular-nums">{pct(l.quality?.chosenCorrect)}</td>
                  <td className="pr-6 text-right tabular-nums">{pct(l.quality?.rejectedWrong)}</td>
                  <td className="pr-6 text-right tabular-nums">{pct(l.chosenOnTarget)}</td>
                  <td className="pr-6 text-right tabular-nums">{pct(l.bounds?.oracle)}</td>
                  <td className="text-right tabular-nums">{pct(l.bounds?.randomOnTarget)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">
            Chosen correct and rejected wrong are shares of the pairs whose group has a gold answer; chosen on-target is the share of pairs
            whose chosen response is in the requested language. On the same data, the oracle is the share of gold groups where some
            on-target response is correct, and the random on-target pick is the expected chosen correct of picking one on-target response at
            random.
          </p>
          <p className="mt-2 text-xs text-slate-600">
            Mean margin is over score pairs; a guard pair&apos;s rejected response is in another language or mixed-language, so its score
            difference is not what chose it.
            {Object.keys(run.summary.skipped).length > 0 && (
              <>
                {" "}
                Skipped:{" "}
                {Object.keys(run.summary.skipped)
                  .map((r) => `${r} = ${SKIP_TEXT[r] ?? r}`)
                  .join("; ")}
                .
              </>
            )}
          </p>
          <div className="mt-3 space-y-2">
            {Object.keys(run.summary.scorers)
              .sort()
              .map((scorer) => (
                <ScoreLegend key={scorer} scorer={scorer} />
              ))}
          </div>
        </section>
      )}
      {run.kind === "select" && run.status === "succeeded" && (
        <RunCharts slug={dataset.slug} datasetId={dataset.id} run={{ id: run.id, number: run.number }} stored={run.summary?.charts} />
      )}
    </div>
  );
}
