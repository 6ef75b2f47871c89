import Link from "next/link";
import { z } from "zod";
import { BarChartCard } from "@/components/charts/bar-chart-card";
import { changedPairViews, changesChart } from "@/lib/dashboards/charts/compare";
import { runLabel } from "@/lib/dashboards/charts/quality";
import { changedPairs, changesByLanguage, listSelectRuns, type SelectRunOption } from "@/lib/dashboards/queries/compare";
import { qualityRows } from "@/lib/dashboards/queries/quality";
import { getDatabase } from "@/lib/db/client";
import { pageDataset } from "@/lib/auth/page-guard";
import { QualityComparison } from "./quality-comparison";
import { RunPicker } from "./run-picker";
import { ZIdParam } from "@/lib/input-limits";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compare runs" };

const TABLE_LIMIT = 200;
const ZRunParam = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), ZIdParam.optional()).catch(undefined);
const ZCompareParams = z.object({ a: ZRunParam, b: ZRunParam });

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const label = (r: SelectRunOption) => runLabel({ runId: r.id, reference: r.reference, pairs: r.pairs, scorer: r.scorer });

export default async function CompareRunsPage({ params, searchParams }: Props) {
  const { dataset } = await pageDataset((await params).slug);
  const db = await getDatabase();
  const [runs, quality] = await Promise.all([listSelectRuns(db, dataset.id), qualityRows(db, dataset.id)]);
  const q = ZCompareParams.parse(await searchParams);
  const pick = (id: number | undefined, fallback: SelectRunOption | undefined) => runs.find((r) => r.id === id) ?? fallback;
  const b = pick(q.b, runs[0]);
  const a = pick(
    q.a,
    runs.find((r) => r.id !== b?.id),
  );
  const s = dataset.slug;
  if (!a || !b || a.id === b.id) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Compare runs</h1>
        <p className="text-sm text-slate-600">
          Comparing needs two succeeded select runs; this dataset has {runs.length}.{" "}
          <Link prefetch={false} className="text-indigo-700 underline" href={`/datasets/${s}/runs`}>
            Start another run
          </Link>{" "}
          (for example a baseline) to compare.
        </p>
        {runs.length >= 2 && <RunPicker runs={runs.map((r) => ({ id: r.id, label: label(r) }))} a={a?.id} b={b?.id} />}
        <QualityComparison slug={s} rows={quality} />
      </div>
    );
  }
  const [counts, rows] = await Promise.all([
    changesByLanguage(db, dataset.id, a.id, b.id),
    changedPairs(db, dataset.id, a.id, b.id, TABLE_LIMIT),
  ]);
  const changedTotal = counts.reduce((n, c) => n + c.changed, 0);
  const views = changedPairViews(s, rows);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Compare runs</h1>
      <RunPicker runs={runs.map((r) => ({ id: r.id, label: label(r) }))} a={a.id} b={b.id} />
      <p className="text-sm text-slate-700">
        A = {label(a)}, B = {label(b)}: {changedTotal} of {counts.reduce((n, c) => n + c.total, 0)} proposals differ in the chosen or
        rejected response.
      </p>
      <BarChartCard model={changesChart(s, counts)} />
      <QualityComparison slug={s} rows={quality} />
      <section aria-label="Changed pairs" className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">Changed pairs{changedTotal > TABLE_LIMIT ? ` (first ${TABLE_LIMIT})` : ""}</h2>
        <table className="text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="pr-4">Group</th>
              <th className="pr-4">Language</th>
              <th className="pr-4">A chosen</th>
              <th className="pr-4">A rejected</th>
              <th className="pr-4 text-right">A margin</th>
              <th className="pr-4">B chosen</th>
              <th className="pr-4">B rejected</th>
              <th className="text-right">B margin</th>
            </tr>
          </thead>
          <tbody className="font-mono tabular-nums">
            {views.map((v) => (
              <tr key={v.key} className="border-t border-slate-100">
                <td className="pr-4">
                  <Link prefetch={false} className="text-indigo-700 hover:underline" href={v.groupHref}>
                    {v.externalId}
                  </Link>
                </td>
                <td className="pr-4">{v.language}</td>
                <td className="pr-4">{v.a.chosen}</td>
                <td className="pr-4">{v.a.rejected}</td>
                <td className="pr-4 text-right">{v.a.margin}</td>
                <td className="pr-4">{v.b.chosen}</td>
                <td className="pr-4">{v.b.rejected}</td>
                <td className="text-right">{v.b.margin}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {views.length === 0 && <p className="text-sm text-slate-600">No pair changed.</p>}
      </section>
    </div>
  );
}
