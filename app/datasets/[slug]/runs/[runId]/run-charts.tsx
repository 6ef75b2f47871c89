import { ChartSection } from "@/components/charts/chart-section";
import type { RunRef } from "@/lib/dashboards/charts/model";
import { type RunChartData, runCharts } from "@/lib/dashboards/charts/run";
import { isLatestSelectRun, runProposalAggregates } from "@/lib/dashboards/queries/run";
import { getDatabase } from "@/lib/db/client";

type Props = { slug: string; datasetId: number; run: RunRef; stored: RunChartData | undefined };

/** The charts of a succeeded select run: its proposals' margins, CL scores and skip reasons per language. */
export async function RunCharts({ slug, datasetId, run, stored }: Props) {
  const db = await getDatabase();
  const [data, latest] = await Promise.all([
    stored ?? runProposalAggregates(db.pool, datasetId, run.id),
    isLatestSelectRun(db, datasetId, run.id),
  ]);
  if (data.margins.length === 0) return null;
  const charts = runCharts(slug, run, data, latest);
  const note = latest
    ? "This run's proposals are the current pairs: click a bar to open them in the pairs table (pairs a reviewer decided show their decision)."
    : "A newer run's proposals are the current pairs, so these bars do not open the pairs table.";
  return (
    <div className="space-y-6">
      <ChartSection
        title="Margins of this run's pairs"
        note={`${note} Language-guard pairs count at their score difference (often below 0); tables show them as "guard".`}
        columns={3}
        height={220}
        charts={charts.margins}
      />
      <ChartSection
        title="CL scores of this run's chosen vs rejected"
        note="Chosen responses should sit to the right of rejected ones; skipped proposals are left out."
        columns={3}
        height={220}
        charts={charts.scores}
      />
      {charts.skips && <ChartSection title="Why this run skipped pairs" columns={1} charts={[charts.skips]} />}
    </div>
  );
}
