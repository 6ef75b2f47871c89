import { pairsHref } from "./links";
import { RUN_PALETTE, barChart, percent, type BarChartModel } from "./model";

/** One select run's gold-answer quality in one language (from the run summary). */
export type QualityRow = {
  runId: number;
  reference: string | null;
  pairs: string | null;
  scorer: string | null;
  language: string;
  judged: number;
  chosenCorrect: number;
  rejectedWrong: number;
};

/** "#12 consistency · answer", "#13 baseline: first reference · lexical", "#14 baseline: random pairs · answer". */
export function runLabel(r: Pick<QualityRow, "runId" | "reference" | "pairs" | "scorer">): string {
  const method =
    r.pairs === "random" ? "baseline: random pairs" : r.reference && r.reference !== "consistency" ? `baseline: ${r.reference} reference` : "consistency";
  return `#${r.runId} ${method}${r.scorer ? ` · ${r.scorer}` : ""}`;
}

/** Two charts, chosen-correct and rejected-wrong, with one bar per run in every language; empty when no run judged anything. */
export function qualityCharts(slug: string, rows: QualityRow[]): BarChartModel[] {
  const judged = rows.filter((r) => r.judged > 0);
  if (judged.length === 0) return [];
  const runs = [...new Map(judged.map((r) => [r.runId, r])).values()].sort((a, b) => a.runId - b.runId);
  const series = runs.map((r, i) => ({ key: `run${r.runId}`, name: runLabel(r), color: RUN_PALETTE[i % RUN_PALETTE.length]! }));
  const languages = [...new Set(judged.map((r) => r.language))].sort();
  const chart = (id: string, title: string, yLabel: string, pick: (r: QualityRow) => number) =>
    barChart(
      { id, title, xLabel: "Language", yLabel, unit: "%", series },
      languages.map((lang) => {
        const byRun = new Map(judged.filter((r) => r.language === lang).map((r) => [r.runId, r]));
        return {
          label: lang,
          values: Object.fromEntries(runs.map((run) => {
            const r = byRun.get(run.runId);
            return [`run${run.runId}`, r ? percent(pick(r)) : 0];
          })),
          hrefs: Object.fromEntries(runs.map((run) => [`run${run.runId}`, pairsHref(slug, { lang })])),
        };
      }),
    );
  return [
    chart("quality-chosen", "Chosen responses with the gold answer", "Chosen correct (%)", (r) => r.chosenCorrect),
    chart("quality-rejected", "Rejected responses without the gold answer", "Rejected wrong (%)", (r) => r.rejectedWrong),
  ];
}
