import { unitBuckets } from "@/lib/dashboards/charts/buckets";
import { pairsHref } from "@/lib/dashboards/charts/links";
import { type BarChartModel, barChart, percent } from "@/lib/dashboards/charts/model";
import { bucketRange, type CalibrationBucket } from "./agreement";

const rangeKey = (r: { marginFrom: number | null; marginTo: number | null }) => `${r.marginFrom}:${r.marginTo}`;

export const CALIBRATION_COLOR = "#0f766e";

/**
 * Per language, the share of votes that agree with the method in each margin bucket of the method's
 * pair (buckets without votes left out). A bar links to the pairs table filtered to its language and
 * margin range; pairs without a margin cannot be filtered to, so that bar has no link.
 */
export function calibrationCharts(slug: string, calibration: readonly CalibrationBucket[]): BarChartModel[] {
  const buckets = unitBuckets({ negative: true, none: true });
  const languages = [...new Set(calibration.map((c) => c.lang))].sort();
  return languages.map((lang) => {
    const byRange = new Map(calibration.filter((c) => c.lang === lang).map((c) => [rangeKey(c), c]));
    const rows = buckets.flatMap((b) => {
      const c = byRange.get(rangeKey(bucketRange(b.id)));
      if (!c || c.votes === 0) return [];
      const hrefs: Record<string, string> = b.id === null ? {} : { agree: pairsHref(slug, { lang, minMargin: b.min, maxMargin: b.max }) };
      return [{ label: `${b.label} (${c.votes} votes)`, values: { agree: percent(c.methodAgreement) }, hrefs }];
    });
    return barChart(
      {
        id: `calibration-${lang}`,
        title: `Calibration ${lang}`,
        xLabel: "Margin of the method's pair",
        yLabel: "% agree",
        unit: "%",
        series: [{ key: "agree", name: "votes agreeing with the method", color: CALIBRATION_COLOR }],
      },
      rows,
    );
  });
}
