import type { BarChartModel } from "@/lib/dashboards/charts/model";
import { BarChartCard } from "./bar-chart-card";

type Props = { title: string; note?: string; charts: BarChartModel[]; columns?: 1 | 2 | 3; height?: number };

const GRID = { 1: "grid-cols-1", 2: "grid-cols-1 lg:grid-cols-2", 3: "grid-cols-1 md:grid-cols-2 xl:grid-cols-3" } as const;

/** A titled region holding a grid of charts (small multiples per language, or a pair side by side). */
export function ChartSection({ title, note, charts, columns = 2, height }: Props) {
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="font-medium">{title}</h2>
      {note && <p className="text-sm text-slate-600">{note}</p>}
      <div className={`grid gap-4 ${GRID[columns]}`}>
        {charts.map((c) => (
          <BarChartCard key={c.id} model={c} height={height} />
        ))}
      </div>
    </section>
  );
}
