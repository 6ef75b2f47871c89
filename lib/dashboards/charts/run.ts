import { SKIP_REASONS } from "@/lib/pipeline/types";
import { pairsHref } from "./links";
import { RUN_PALETTE, barChart, type BarChartModel, type RunRef } from "./model";
import { marginCharts, pairLanguages, scoreCharts, type BucketRow, type ChartScope } from "./overview";

export type SkipCountRow = { language: string; reason: string; n: number };

/** What the run page's charts show: the run's own proposals, aggregated in SQL (lib/dashboards/queries/run.ts). */
export type RunChartData = { margins: BucketRow[]; chosenScores: BucketRow[]; rejectedScores: BucketRow[]; skips: SkipCountRow[] };

/**
 * Bars link to the pairs table only for the dataset's latest succeeded select run: its proposals are
 * the effective auto pairs, so a margin bucket or a language's skipped pairs are a table filter.
 */
export function runScope(run: RunRef, linked: boolean): ChartScope {
  return { idPrefix: `run-${run.id}-`, titlePrefix: `Run ${run.number} · `, linked };
}

/** Known reasons in the pipeline's order, then any other reason alphabetically. */
export function skipReasons(rows: SkipCountRow[]): string[] {
  const seen = new Set(rows.map((r) => r.reason));
  const known = SKIP_REASONS.filter((r) => seen.has(r));
  return [...known, ...[...seen].filter((r) => !(SKIP_REASONS as readonly string[]).includes(r)).sort()];
}

/** Skipped proposals per language, stacked by reason; a segment opens the language's skipped pairs. */
export function skipReasonChart(slug: string, run: RunRef, rows: SkipCountRow[], linked: boolean): BarChartModel {
  const reasons = skipReasons(rows);
  const series = reasons.map((reason, i) => ({
    key: reason,
    name: reason.replaceAll("_", " "),
    color: RUN_PALETTE[i % RUN_PALETTE.length]!,
    stack: "reason",
  }));
  return barChart(
    {
      id: `run-${run.id}-skips`,
      title: `Run ${run.number} · Skipped pairs by reason`,
      xLabel: "Language",
      yLabel: "Skipped pairs",
      unit: "",
      series,
    },
    pairLanguages(rows).map((lang) => ({
      label: lang,
      values: Object.fromEntries(
        reasons.map((reason) => [reason, rows.filter((r) => r.language === lang && r.reason === reason).reduce((n, r) => n + r.n, 0)]),
      ),
      hrefs: linked ? Object.fromEntries(reasons.map((reason) => [reason, pairsHref(slug, { lang, status: "skipped" })])) : {},
    })),
  );
}

export function runCharts(slug: string, run: RunRef, data: RunChartData, linked: boolean) {
  const scope = runScope(run, linked);
  return {
    margins: marginCharts(slug, data.margins, scope),
    scores: scoreCharts(slug, data.chosenScores, data.rejectedScores, scope),
    skips: data.skips.length ? skipReasonChart(slug, run, data.skips, linked) : null,
  };
}
