import { ChartSection } from "@/components/charts/chart-section";
import { comparisonCharts, comparisonTable, type QualityRow } from "@/lib/charts/quality";

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
      <section aria-label="Quality by language" className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        <table className="text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="pr-4">Language</th>
              <th className="pr-4">Selection</th>
              <th className="pr-4 text-right">Judged</th>
              <th className="pr-4 text-right">Chosen correct</th>
              <th className="pr-4 text-right">Rejected wrong</th>
              <th className="text-right">Chosen on-target</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {blocks.flatMap((b) =>
              b.lines.map((l, i) => (
                <tr key={`${b.language}/${l.label}`} className={i === 0 ? "border-t border-slate-200" : ""}>
                  <td className="pr-4 font-mono">{i === 0 ? b.language : ""}</td>
                  <td className="pr-4">{l.label}</td>
                  <td className="pr-4 text-right">{l.judged}</td>
                  <td className="pr-4 text-right">{l.chosenCorrect}</td>
                  <td className="pr-4 text-right">{l.rejectedWrong}</td>
                  <td className="text-right">{l.chosenOnTarget}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </section>
    </div>
  );
}
