import { pairsHref } from "./links";
import { COLORS, RUN_PALETTE, barChart, percent, type BarChartModel, type ChartSeries } from "./model";

/** One select run's quality in one language (from the run summary, lib/runs/summary.ts). */
export type QualityRow = {
  runId: number;
  reference: string | null;
  pairs: string | null;
  scorer: string | null;
  language: string;
  /** Pairs in groups with a gold answer; chosenCorrect / rejectedWrong are shares of them (0 when none). */
  judged: number;
  chosenCorrect: number;
  rejectedWrong: number;
  /** Share of the run's pairs with an on-target chosen response; null in runs summarised before it was stored. */
  chosenOnTarget: number | null;
  /** Bounds on the same data (gold groups with a response in the language); null when unknown. */
  goldGroups: number;
  oracle: number | null;
  randomOnTarget: number | null;
};

type RunConfig = Pick<QualityRow, "reference" | "pairs">;

/** What a run is compared as: the method, one of its baselines, or the gold-reference upper bound. */
export const SELECTION_KINDS = ["method", "first reference", "random reference", "random pairs", "gold reference"] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];

export function selectionKind(r: RunConfig): SelectionKind {
  if (r.pairs === "random") return "random pairs";
  if (r.reference === "first") return "first reference";
  if (r.reference === "random") return "random reference";
  if (r.reference === "gold") return "gold reference";
  return "method";
}

/** "#12 consistency · answer", "#13 baseline: first reference · lexical", "#15 upper bound: gold reference · answer". */
export function runLabel(r: Pick<QualityRow, "runId" | "reference" | "pairs" | "scorer">): string {
  const kind = selectionKind(r);
  const method = kind === "method" ? "consistency" : kind === "gold reference" ? "upper bound: gold reference" : `baseline: ${kind}`;
  return `#${r.runId} ${method}${r.scorer ? ` · ${r.scorer}` : ""}`;
}

type Metric = { id: string; title: string; yLabel: string; pick: (r: QualityRow) => number | null };

const METRICS = {
  chosenCorrect: {
    id: "quality-chosen",
    title: "Chosen responses with the gold answer",
    yLabel: "Chosen correct (%)",
    pick: (r) => (r.judged > 0 ? r.chosenCorrect : null),
  },
  rejectedWrong: {
    id: "quality-rejected",
    title: "Rejected responses without the gold answer",
    yLabel: "Rejected wrong (%)",
    pick: (r) => (r.judged > 0 ? r.rejectedWrong : null),
  },
  chosenOnTarget: {
    id: "quality-on-target",
    title: "Chosen responses in the requested language",
    yLabel: "Chosen on-target (%)",
    pick: (r) => r.chosenOnTarget,
  },
} satisfies Record<string, Metric>;

const runKey = (r: Pick<QualityRow, "runId">) => `run${r.runId}`;

function byRun(rows: QualityRow[]): QualityRow[] {
  return [...new Map(rows.map((r) => [r.runId, r])).values()].sort((a, b) => a.runId - b.runId);
}

/**
 * One bar per run in every language; `bounds` adds the oracle and the random on-target pick (from
 * the newest run that measured them) next to the runs.
 */
function metricChart(slug: string, rows: QualityRow[], metric: Metric, bounds: boolean, idPrefix = ""): BarChartModel {
  const runs = byRun(rows);
  const series: ChartSeries[] = runs.map((r, i) => ({ key: runKey(r), name: runLabel(r), color: RUN_PALETTE[i % RUN_PALETTE.length]! }));
  if (bounds)
    series.push(
      { key: "oracle", name: "oracle", color: COLORS.oracle },
      { key: "randomOnTarget", name: "random on-target pick", color: COLORS.randomPick },
    );
  const languages = [...new Set(rows.map((r) => r.language))].sort();
  return barChart(
    { id: `${idPrefix}${metric.id}`, title: metric.title, xLabel: "Language", yLabel: metric.yLabel, unit: "%", series },
    languages.map((lang) => {
      const inLang = rows.filter((r) => r.language === lang);
      const of = new Map(inLang.map((r) => [r.runId, r]));
      const measured = [...inLang].reverse().find((r) => r.oracle !== null);
      const values: Record<string, number> = Object.fromEntries(
        runs.map((run) => {
          const r = of.get(run.runId);
          return [runKey(run), r === undefined ? 0 : percent(metric.pick(r) ?? 0)];
        }),
      );
      if (bounds) {
        values.oracle = percent(measured?.oracle ?? 0);
        values.randomOnTarget = percent(measured?.randomOnTarget ?? 0);
      }
      return { label: lang, values, hrefs: Object.fromEntries(runs.map((run) => [runKey(run), pairsHref(slug, { lang })])) };
    }),
  );
}

/** Two charts, chosen-correct and rejected-wrong, with one bar per run in every language; empty when no run judged anything. */
export function qualityCharts(slug: string, rows: QualityRow[]): BarChartModel[] {
  const judged = rows.filter((r) => r.judged > 0);
  if (judged.length === 0) return [];
  return [metricChart(slug, judged, METRICS.chosenCorrect, false), metricChart(slug, judged, METRICS.rejectedWrong, false)];
}

/** The newest run of each kind (method, baselines, gold), in SELECTION_KINDS order. */
export function comparedRuns(rows: QualityRow[]): QualityRow[] {
  const newest = new Map<SelectionKind, QualityRow>();
  for (const r of byRun(rows)) newest.set(selectionKind(r), r);
  return SELECTION_KINDS.flatMap((k) => newest.get(k) ?? []);
}

/** Side-by-side charts of the newest run of each kind: chosen correct (with the two bounds), rejected wrong, chosen on-target. */
export function comparisonCharts(slug: string, rows: QualityRow[]): BarChartModel[] {
  const ids = new Set(comparedRuns(rows).map((r) => r.runId));
  const kept = rows.filter((r) => ids.has(r.runId));
  if (kept.length === 0) return [];
  const judged = kept.filter((r) => r.judged > 0);
  return [
    ...(judged.length > 0
      ? [
          metricChart(slug, judged, METRICS.chosenCorrect, true, "compare-"),
          metricChart(slug, judged, METRICS.rejectedWrong, false, "compare-"),
        ]
      : []),
    metricChart(
      slug,
      kept.filter((r) => r.chosenOnTarget !== null),
      METRICS.chosenOnTarget,
      false,
      "compare-",
    ),
  ].filter((c) => c.rows.length > 0);
}

export type ComparisonLine = { label: string; judged: string; chosenCorrect: string; rejectedWrong: string; chosenOnTarget: string };
export type ComparisonBlock = { language: string; lines: ComparisonLine[] };

const share = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${(100 * x).toFixed(1)}%`);

/**
 * Per language: one line per compared run (chosen correct, rejected wrong, chosen on-target over
 * `judged` gold pairs), then the oracle and the random on-target pick as bounds on chosen correct.
 */
export function comparisonTable(rows: QualityRow[]): ComparisonBlock[] {
  const runs = comparedRuns(rows);
  const languages = [...new Set(rows.filter((r) => runs.some((x) => x.runId === r.runId)).map((r) => r.language))].sort();
  return languages.map((language) => {
    const inLang = runs.flatMap((run) => rows.filter((r) => r.runId === run.runId && r.language === language));
    const measured = [...inLang].sort((a, b) => b.runId - a.runId).find((r) => r.oracle !== null);
    const bound = (label: string, x: number | null | undefined): ComparisonLine => ({
      label,
      judged: measured ? `${measured.goldGroups} groups` : "–",
      chosenCorrect: share(x),
      rejectedWrong: "",
      chosenOnTarget: "",
    });
    return {
      language,
      lines: [
        ...inLang.map((r) => ({
          label: runLabel(r),
          judged: String(r.judged),
          chosenCorrect: r.judged > 0 ? share(r.chosenCorrect) : "–",
          rejectedWrong: r.judged > 0 ? share(r.rejectedWrong) : "–",
          chosenOnTarget: share(r.chosenOnTarget),
        })),
        bound("oracle: some on-target response correct", measured?.oracle),
        bound("random on-target pick (expected)", measured?.randomOnTarget),
      ],
    };
  });
}

/** The comparison table as markdown, one table per language (scripts/quality-report.ts). */
export function comparisonMarkdown(rows: QualityRow[]): string {
  return comparisonTable(rows)
    .map((b) =>
      [
        `### ${b.language}`,
        "",
        "| selection | judged | chosen correct | rejected wrong | chosen on-target |",
        "| --- | ---: | ---: | ---: | ---: |",
        ...b.lines.map((l) => `| ${l.label} | ${l.judged} | ${l.chosenCorrect} | ${l.rejectedWrong} | ${l.chosenOnTarget} |`),
      ].join("\n"),
    )
    .join("\n\n");
}
