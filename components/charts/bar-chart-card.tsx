"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import type { BarChartModel, ChartRow, ChartSeries } from "@/lib/dashboards/charts/model";

type Props = { model: BarChartModel; height?: number };

/** Renders a prepared bar chart; every bar is a link to the pairs table filtered to it. */
export function BarChartCard({ model, height = 260 }: Props) {
  const router = useRouter();
  const crowded = model.rows.length > 6;
  const order = new Map(model.series.map((s, i) => [s.name, i]));
  const barLink = (s: ChartSeries) =>
    function BarLink(props: BarShapeProps) {
      const row = model.rows[props.index];
      const href = row?.hrefs[s.key];
      if (!row || !href) return <Rectangle {...props} />;
      return (
        <a
          href={href}
          aria-label={row.names[s.key]}
          onClick={(e) => {
            e.preventDefault();
            router.push(href);
          }}
        >
          <Rectangle {...props} cursor="pointer" />
        </a>
      );
    };
  return (
    <figure aria-label={model.title} data-chart={model.id} className="rounded-lg bg-white p-4 shadow-sm">
      <figcaption className="mb-1 text-sm font-medium text-slate-800">{model.title}</figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={model.rows} margin={{ top: 4, right: 8, bottom: crowded ? 36 : 20, left: 12 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            interval={0}
            tick={{ fontSize: 11 }}
            angle={crowded ? -35 : 0}
            textAnchor={crowded ? "end" : "middle"}
            height={crowded ? 48 : 24}
            label={{ value: model.xLabel, position: "insideBottom", offset: crowded ? -30 : -14, fontSize: 12, fill: "#475569" }}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: 11 }}
            width={44}
            label={{
              value: model.yLabel,
              angle: -90,
              position: "insideLeft",
              offset: 4,
              fontSize: 12,
              fill: "#475569",
              style: { textAnchor: "middle" },
            }}
          />
          <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ fontSize: 12 }} itemSorter={(item) => order.get(String(item.name)) ?? 0} />
          <Legend
            verticalAlign="top"
            iconSize={10}
            itemSorter={(item) => order.get(String(item.value)) ?? 0}
            wrapperStyle={{ fontSize: 12 }}
          />
          {model.series.map((s) => (
            <Bar
              key={s.key}
              dataKey={(row: ChartRow) => row.values[s.key] ?? 0}
              name={s.name}
              fill={s.color}
              stackId={s.stack}
              unit={model.unit}
              isAnimationActive={false}
              maxBarSize={72}
              shape={barLink(s)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
