/** Plain-data chart models: preparers build them, `components/charts` render them as they are. */
export type ChartSeries = { key: string; name: string; color: string; stack?: string };

/** One category on the x axis: a value, a link and an accessible name per series. */
export type ChartRow = { label: string; values: Record<string, number>; hrefs: Record<string, string>; names: Record<string, string> };

export type BarChartModel = {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  /** Appended to values in tooltips ("%", " chars"); values are already in that unit. */
  unit: string;
  series: ChartSeries[];
  rows: ChartRow[];
};

export type RowInput = { label: string; values: Record<string, number>; hrefs: Record<string, string> };

/** Builds a model and names every bar "<title> · <category> · <series>: <value><unit>". */
export function barChart(spec: Omit<BarChartModel, "rows">, rows: RowInput[]): BarChartModel {
  return {
    ...spec,
    rows: rows.map((r) => ({
      ...r,
      names: Object.fromEntries(
        spec.series.map((s) => [s.key, `${spec.title} · ${r.label} · ${s.name}: ${r.values[s.key] ?? 0}${spec.unit}`]),
      ),
    })),
  };
}

/** A share in [0, 1] as a percentage with one decimal. */
export function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

export const COLORS = {
  proposed: "#6366f1",
  accepted: "#16a34a",
  rejected: "#dc2626",
  skipped: "#9ca3af",
  chosen: "#16a34a",
  margin: "#4f46e5",
  cons: "#0284c7",
  offTarget: "#d97706",
  median: "#4f46e5",
  p90: "#a5b4fc",
  changed: "#dc2626",
  unchanged: "#cbd5e1",
  oracle: "#0f766e",
  randomPick: "#94a3b8",
  mixed: "#a855f7",
} as const;

export const RUN_PALETTE = ["#4f46e5", "#d97706", "#0891b2", "#be185d", "#65a30d", "#7c3aed", "#475569"] as const;

/** A run as charts name it: `id` keys chart ids (global), `number` is what people read ("Run 2" of its dataset). */
export type RunRef = { id: number; number: number };
