import { ChartSection } from "@/components/charts/chart-section";
import { FiguresTable } from "@/components/figures-table";
import { comparisonCharts, comparisonTable, type QualityRow } from "@/lib/dashboards/charts/quality";

const COLUMNS = [
  { key: "language", header: "Language" },
  { key: "label", header: "Selection" },
  { key: "judged", header: "Judged", numeric: true },
  { key: "chosenCorrect", header: "Chosen correct", numeric: true },
  { key: "rejectedWrong", header: "Rejected wrong", numeric: true },
  { key: "chosenOnTarget", header: "Chosen on-target", numeric: true },
];

/** The newest run of each kind side by side per language, with the oracle and the random on-target pick. */
export function QualityComparison({ slug, rows }: { slug: string; rows: QualityRow[] }) {
  const blocks = comparisonTable(rows);
  if (blocks.length === 0) return null;
  return (
    <div className="space-y-4">
      <ChartSection
        title="Quality: the method, its baselines and the gold reference"
        note="The newest succeeded run of each kind. The oracle (some on-target response is correct) and the random on-target pick are measured on the same data."
        columns={3}
        charts={comparisonCharts(slug, rows)}
      />
      <FiguresTable
        label="Quality by language"
        columns={COLUMNS}
        rows={blocks.flatMap((b) =>
          b.lines.map((l, i) => ({
            key: `${b.language}/${l.label}`,
            separated: i === 0,
            cells: { ...l, language: i === 0 ? <span className="font-mono">{b.language}</span> : "" },
          })),
        )}
      />
    </div>
  );
}
