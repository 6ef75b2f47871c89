import { ChartSection } from "@/components/charts/chart-section";
import { FiguresTable } from "@/components/figures-table";
import type { RunRef } from "@/lib/dashboards/charts/model";
import { modelUsageCharts, modelUsageTable } from "@/lib/dashboards/charts/models";
import type { ModelUsage } from "@/lib/pipeline";

type Props = { slug: string; usage: { run: RunRef; rows: ModelUsage[] | null } | null };

const COLUMNS = [
  { key: "model", header: "Model" },
  { key: "lang", header: "Language" },
  { key: "responses", header: "Responses", numeric: true },
  { key: "chosen", header: "Chosen", numeric: true },
  { key: "rejected", header: "Rejected", numeric: true },
  { key: "offTarget", header: "Off-target", numeric: true },
  { key: "mixed", header: "Mixed", numeric: true },
];

/** How each model's responses fared in the latest select run, per language (stored in that run's summary). */
export function ModelUsageSection({ slug, usage }: Props) {
  if (usage === null) return null;
  if (usage.rows === null) {
    return (
      <p className="text-sm text-slate-600">
        Run {usage.run.number} was summarised before per-model figures were stored: start a select run to see them.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <ChartSection
        title="Responses by model"
        note={`Run ${usage.run.number}: the share of each model's responses that this run chose or rejected, and that are off-target or mixed-language.`}
        columns={3}
        height={240}
        charts={modelUsageCharts(slug, usage.run, usage.rows)}
      />
      <FiguresTable
        label="Responses by model and language"
        columns={COLUMNS}
        rows={modelUsageTable(usage.rows).map(({ key, ...l }) => ({ key, cells: { ...l, model: <bdi>{l.model}</bdi> } }))}
      />
    </div>
  );
}
