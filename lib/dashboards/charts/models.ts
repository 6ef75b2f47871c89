import type { ModelUsage } from "@/lib/pipeline";
import { pairsHref } from "./links";
import { COLORS, barChart, percent, type BarChartModel, type RunRef } from "./model";

/** Responses imported without a model name. */
export const UNNAMED_MODEL = "(no model)";

const modelName = (u: ModelUsage) => u.model ?? UNNAMED_MODEL;
const share = (n: number, of: number) => (of === 0 ? 0 : n / of);

const SERIES = [
  { key: "chosen", name: "chosen", color: COLORS.chosen },
  { key: "rejected", name: "rejected", color: COLORS.rejected },
  { key: "offTarget", name: "off-target", color: COLORS.offTarget },
  { key: "mixed", name: "mixed", color: COLORS.mixed },
] as const;

/** One chart per language: for each model, the share of its responses chosen, rejected, off-target and mixed. */
export function modelUsageCharts(slug: string, run: RunRef, rows: ModelUsage[]): BarChartModel[] {
  const languages = [...new Set(rows.map((r) => r.lang))].sort();
  return languages.map((lang) =>
    barChart(
      {
        id: `models-${lang}`,
        title: `Run ${run.number} · ${lang} · responses by model`,
        xLabel: "Model",
        yLabel: "Share of its responses (%)",
        unit: "%",
        series: [...SERIES],
      },
      rows
        .filter((r) => r.lang === lang)
        .map((r) => ({
          label: modelName(r),
          values: Object.fromEntries(SERIES.map((s) => [s.key, percent(share(r[s.key], r.responses))])),
          hrefs: { chosen: pairsHref(slug, { lang }), rejected: pairsHref(slug, { lang }) },
        })),
    ),
  );
}

export type ModelUsageLine = {
  key: string;
  model: string;
  lang: string;
  responses: number;
  chosen: string;
  rejected: string;
  offTarget: string;
  mixed: string;
};

const cell = (n: number, of: number) => `${n} (${(100 * share(n, of)).toFixed(1)}%)`;

/** The table's rows: counts with their share of the model's responses in that language. */
export function modelUsageTable(rows: ModelUsage[]): ModelUsageLine[] {
  return rows.map((r) => ({
    key: `${r.model ?? ""}\u0000${r.lang}`,
    model: modelName(r),
    lang: r.lang,
    responses: r.responses,
    chosen: cell(r.chosen, r.responses),
    rejected: cell(r.rejected, r.responses),
    offTarget: cell(r.offTarget, r.responses),
    mixed: cell(r.mixed, r.responses),
  }));
}
