import { LanguageBadge } from "@/components/language-badge";
import { heatColor, type HeatCell, type Heatmap } from "@/lib/groups/ranking";

const RING: Record<string, string> = {
  chosen: "ring-2 ring-emerald-500",
  rejected: "ring-2 ring-rose-500",
  reference: "ring-2 ring-amber-500",
};

function Cell({ cell, language, kind }: { cell: HeatCell; language: string; kind: string }) {
  const score = cell.score === null ? "not scored" : cell.score.toFixed(3);
  const marks = cell.marks.length > 0 ? `, ${cell.marks.join(", ")}` : "";
  return (
    <a
      href={`#response-${cell.responseId}`}
      aria-label={`${language} sample ${cell.sampleIndex}: ${kind} ${score}${marks}`}
      title={`${language} sample ${cell.sampleIndex}: ${kind} ${score}${marks}`}
      className={`flex h-8 w-12 items-center justify-center rounded text-[11px] tabular-nums ring-inset ${RING[cell.marks.at(-1) ?? ""] ?? ""}`}
      style={{ background: heatColor(cell.score), color: (cell.score ?? 0) > 0.55 ? "white" : "rgb(30 41 59)" }}
    >
      {cell.score === null ? "–" : cell.score.toFixed(2)}
    </a>
  );
}

/** Languages × samples of Cons (pivot) and CL scores; a cell links to its response. */
export function ScoreHeatmap({ map }: { map: Heatmap }) {
  return (
    <div className="overflow-x-auto">
      <table className="border-separate border-spacing-1 text-xs" aria-label="Scores by language and sample">
        <thead>
          <tr>
            <th className="text-left font-normal text-slate-500">language</th>
            {map.samples.map((s) => (
              <th key={s} scope="col" className="font-normal text-slate-500">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.rows.map((row) => (
            <tr key={row.language}>
              <th scope="row" className="pr-2 text-left font-normal whitespace-nowrap">
                <LanguageBadge lang={row.language} /> <span className="text-slate-500">{row.kind === "cons" ? "Cons" : "CL"}</span>
              </th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell ? <Cell cell={cell} language={row.language} kind={row.kind === "cons" ? "Cons" : "CL"} /> : null}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-slate-500">
        Rings: <span className="text-amber-600">reference</span>, <span className="text-emerald-600">chosen</span>,{" "}
        <span className="text-rose-600">rejected</span>. Click a cell to open its response.
      </p>
    </div>
  );
}
