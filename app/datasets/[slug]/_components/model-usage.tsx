import { ChartSection } from "@/components/charts/chart-section";
import { modelUsageCharts, modelUsageTable } from "@/lib/charts/models";
import type { ModelUsage } from "@/lib/pipeline";

type Props = { slug: string; usage: { runId: number; rows: ModelUsage[] | null } | null };

/** How each model's responses fared in the latest select run, per language (stored in that run's summary). */
export function ModelUsageSection({ slug, usage }: Props) {
  if (usage === null) return null;
  if (usage.rows === null) {
    return <p className="text-sm text-slate-600">Run #{usage.runId} was summarised before per-model figures were stored: start a select run to see them.</p>;
  }
  const lines = modelUsageTable(usage.rows);
  return (
    <div className="space-y-4">
      <ChartSection
        title="Responses by model"
        note={`Run #${usage.runId}: the share of each model's responses that this run chose or rejected, and that are off-target or mixed-language.`}
        columns={3}
        height={240}
        charts={modelUsageCharts(slug, usage.runId, usage.rows)}
      />
      <section aria-label="Responses by model and language" className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        <table className="text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="pr-4">Model</th>
              <th className="pr-4">Language</th>
              <th className="pr-4 text-right">Responses</th>
              <th className="pr-4 text-right">Chosen</th>
              <th className="pr-4 text-right">Rejected</th>
              <th className="pr-4 text-right">Off-target</th>
              <th className="text-right">Mixed</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {lines.map((l) => (
              <tr key={l.key} className="border-t border-slate-100">
                <td className="pr-4"><bdi>{l.model}</bdi></td>
                <td className="pr-4 font-mono">{l.lang}</td>
                <td className="pr-4 text-right">{l.responses}</td>
                <td className="pr-4 text-right">{l.chosen}</td>
                <td className="pr-4 text-right">{l.rejected}</td>
                <td className="pr-4 text-right">{l.offTarget}</td>
                <td className="text-right">{l.mixed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
