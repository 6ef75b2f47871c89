import { fillBuckets, unitBuckets, type Bucket, type BucketId } from "./buckets";
import { pairsHref } from "./links";
import { COLORS, barChart, percent, type BarChartModel, type RunRef } from "./model";

export const PAIR_STATUSES = ["proposed", "accepted", "rejected", "skipped"] as const;
export const PAIR_ORIGINS = ["auto", "human"] as const;

export type PairCountRow = { language: string; status: string; origin: string; n: number };
export type BucketRow = { language: string; bucket: BucketId; n: number };
export type ResponseStatsRow = {
  language: string;
  responses: number;
  offTarget: number;
  medianChars: number | null;
  p90Chars: number | null;
};

export type CountTile = { label: string; value: number; href?: string };

/** Languages that have pairs, in alphabetical order. */
export function pairLanguages(rows: { language: string }[]): string[] {
  return [...new Set(rows.map((r) => r.language))].sort();
}

/**
 * The overview's counts. A skipped (group, language) has no pair, so "Pairs" and the per-origin
 * tiles count only real pairs; the skipped ones have their own tile.
 */
export function countTiles(slug: string, c: { groups: number; responses: number; languages: number }, pairs: PairCountRow[]): CountTile[] {
  const sum = (keep: (r: PairCountRow) => boolean) => pairs.filter(keep).reduce((n, r) => n + r.n, 0);
  const real = (r: PairCountRow) => r.status !== "skipped";
  return [
    { label: "Prompt groups", value: c.groups },
    { label: "Languages", value: c.languages },
    { label: "Responses", value: c.responses },
    // No link: the pairs table lists the skipped rows too, so its count would not be this one.
    { label: "Pairs", value: sum(real) },
    ...PAIR_STATUSES.filter((s) => s !== "skipped").map((s) => ({
      label: `Pairs ${s}`,
      value: sum((r) => r.status === s),
      href: pairsHref(slug, { status: s }),
    })),
    ...PAIR_ORIGINS.map((o) => ({
      label: `Pairs by ${o === "auto" ? "the method" : "a reviewer"}`,
      value: sum((r) => real(r) && r.origin === o),
      href: pairsHref(slug, { origin: o }),
    })),
    { label: "Skipped (no pair made)", value: sum((r) => !real(r)), href: pairsHref(slug, { status: "skipped" }) },
  ];
}

export function statusChart(slug: string, pairs: PairCountRow[]): BarChartModel {
  const series = PAIR_STATUSES.map((s) => ({ key: s, name: s, color: COLORS[s], stack: "status" }));
  return barChart(
    { id: "pairs-by-status", title: "Effective pairs by status", xLabel: "Language", yLabel: "Pairs", unit: "", series },
    pairLanguages(pairs).map((lang) => ({
      label: lang,
      values: Object.fromEntries(
        PAIR_STATUSES.map((s) => [s, pairs.filter((r) => r.language === lang && r.status === s).reduce((n, r) => n + r.n, 0)]),
      ),
      hrefs: Object.fromEntries(PAIR_STATUSES.map((s) => [s, pairsHref(slug, { lang, status: s })])),
    })),
  );
}

/**
 * How a set of per-language charts is named and whether its bars link to the pairs table: the
 * overview's describe the effective pairs; a run page's describe that run's proposals.
 */
export type ChartScope = { idPrefix: string; titlePrefix: string; linked: boolean };
export const OVERVIEW_SCOPE: ChartScope = { idPrefix: "", titlePrefix: "", linked: true };

const links = (scope: ChartScope, hrefs: Record<string, string>) => (scope.linked ? hrefs : {});

type HistogramSpec = Pick<BarChartModel, "id" | "title" | "xLabel" | "yLabel"> & { key: string; color: string };

/** One series of counts over the unit buckets (negative values and "none" included), each bucket linked by `hrefs`. */
function unitHistogram(spec: HistogramSpec, rows: { bucket: BucketId; n: number }[], hrefs: (b: Bucket) => Record<string, string>) {
  const { key, color, ...header } = spec;
  const buckets = unitBuckets({ negative: true, none: true });
  const counts = fillBuckets(buckets, rows);
  return barChart(
    { ...header, unit: "", series: [{ key, name: key, color }] },
    buckets.map((b, i) => ({ label: b.label, values: { [key]: counts[i]! }, hrefs: hrefs(b) })),
  );
}

/** One histogram per language: margins in tenths, negative margins, and pairs without a margin. */
export function marginCharts(slug: string, rows: BucketRow[], scope = OVERVIEW_SCOPE): BarChartModel[] {
  return pairLanguages(rows).map((lang) =>
    unitHistogram(
      {
        id: `${scope.idPrefix}margin-${lang}`,
        title: `${scope.titlePrefix}Margin ${lang}`,
        xLabel: "Margin CL(chosen) − CL(rejected)",
        yLabel: "Pairs",
        key: "pairs",
        color: COLORS.margin,
      },
      rows.filter((r) => r.language === lang),
      (b) =>
        links(scope, {
          pairs:
            b.id === null ? pairsHref(slug, { lang, status: "skipped" }) : pairsHref(slug, { lang, minMargin: b.min, maxMargin: b.max }),
        }),
    ),
  );
}

/** Per language, CL scores of chosen and of rejected responses side by side (skipped pairs left out). */
export function scoreCharts(slug: string, chosen: BucketRow[], rejected: BucketRow[], scope = OVERVIEW_SCOPE): BarChartModel[] {
  const buckets = unitBuckets({ negative: true, none: false });
  return pairLanguages([...chosen, ...rejected]).map((lang) => {
    const c = fillBuckets(
      buckets,
      chosen.filter((r) => r.language === lang),
    );
    const r = fillBuckets(
      buckets,
      rejected.filter((x) => x.language === lang),
    );
    return barChart(
      {
        id: `${scope.idPrefix}scores-${lang}`,
        title: `${scope.titlePrefix}CL scores ${lang}`,
        xLabel: "Cross-lingual consistency with the reference",
        yLabel: "Responses",
        unit: "",
        series: [
          { key: "chosen", name: "chosen", color: COLORS.chosen },
          { key: "rejected", name: "rejected", color: COLORS.rejected },
        ],
      },
      buckets.map((b, i) => ({
        label: b.label,
        values: { chosen: c[i]!, rejected: r[i]! },
        hrefs: links(scope, {
          chosen: pairsHref(slug, { lang, sort: "scoreChosen" }),
          rejected: pairsHref(slug, { lang, sort: "scoreRejected" }),
        }),
      })),
    );
  });
}

/** Below this Cons the pairs table's `lowCons` flag selects the groups (lib/pairs' threshold). */
export const LOW_CONS = 0.5;

export function consChart(slug: string, run: RunRef, rows: { bucket: BucketId; n: number }[]): BarChartModel {
  return unitHistogram(
    {
      id: "reference-cons",
      title: `Reference Cons, Run ${run.number}`,
      xLabel: "Cons of the English reference (agreement among English samples)",
      yLabel: "Prompt groups",
      key: "groups",
      color: COLORS.cons,
    },
    rows,
    (b) => ({ groups: b.max !== undefined && b.max < LOW_CONS ? pairsHref(slug, { flags: ["lowCons"] }) : pairsHref(slug) }),
  );
}

export function offTargetChart(slug: string, rows: ResponseStatsRow[]): BarChartModel {
  return barChart(
    {
      id: "off-target",
      title: "Off-target language",
      xLabel: "Language",
      yLabel: "Off-target responses (%)",
      unit: "%",
      series: [{ key: "rate", name: "off-target", color: COLORS.offTarget }],
    },
    rows.map((r) => ({
      label: r.language,
      values: { rate: r.responses === 0 ? 0 : percent(r.offTarget / r.responses) },
      hrefs: { rate: pairsHref(slug, { lang: r.language, flags: ["offTarget"] }) },
    })),
  );
}

export function lengthChart(slug: string, rows: ResponseStatsRow[]): BarChartModel {
  return barChart(
    {
      id: "response-length",
      title: "Response length",
      xLabel: "Language",
      yLabel: "Characters",
      unit: " chars",
      series: [
        { key: "median", name: "median", color: COLORS.median },
        { key: "p90", name: "90th percentile", color: COLORS.p90 },
      ],
    },
    rows.map((r) => ({
      label: r.language,
      values: { median: r.medianChars ?? 0, p90: r.p90Chars ?? 0 },
      hrefs: { median: pairsHref(slug, { lang: r.language }), p90: pairsHref(slug, { lang: r.language }) },
    })),
  );
}
