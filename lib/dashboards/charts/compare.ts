import { pairsHref } from "./links";
import { COLORS, barChart, type BarChartModel } from "./model";

export type ChangeCountRow = { language: string; total: number; changed: number };

export type ChangedPairRow = {
  groupId: number;
  externalId: string;
  language: string;
  aChosen: number | null;
  aRejected: number | null;
  aMargin: number | null;
  bChosen: number | null;
  bRejected: number | null;
  bMargin: number | null;
};

export type ChangedPairView = {
  key: string;
  groupHref: string;
  externalId: string;
  language: string;
  a: { chosen: string; rejected: string; margin: string };
  b: { chosen: string; rejected: string; margin: string };
};

export function changesChart(slug: string, rows: ChangeCountRow[]): BarChartModel {
  return barChart(
    {
      id: "changed-pairs",
      title: "Pairs changed between the runs",
      xLabel: "Language",
      yLabel: "Proposals",
      unit: "",
      series: [
        { key: "changed", name: "changed", color: COLORS.changed, stack: "c" },
        { key: "unchanged", name: "unchanged", color: COLORS.unchanged, stack: "c" },
      ],
    },
    rows.map((r) => ({
      label: r.language,
      values: { changed: r.changed, unchanged: r.total - r.changed },
      hrefs: { changed: pairsHref(slug, { lang: r.language }), unchanged: pairsHref(slug, { lang: r.language }) },
    })),
  );
}

const id = (v: number | null) => (v === null ? "—" : `#${v}`);
const margin = (v: number | null) => {
  if (v === null) return "—";
  const r = Number(v.toFixed(3));
  return (r === 0 ? 0 : r).toFixed(3); // no "-0.000"
};

export function changedPairViews(slug: string, rows: ChangedPairRow[]): ChangedPairView[] {
  return rows.map((r) => ({
    key: `${r.groupId}/${r.language}`,
    groupHref: `/datasets/${encodeURIComponent(slug)}/groups/${r.groupId}`,
    externalId: r.externalId,
    language: r.language,
    a: { chosen: id(r.aChosen), rejected: id(r.aRejected), margin: margin(r.aMargin) },
    b: { chosen: id(r.bChosen), rejected: id(r.bRejected), margin: margin(r.bMargin) },
  }));
}
