import { ModelOutput } from "@/components/model-output/model-output";
import { ResponseChecks } from "@/components/response-checks/response-checks";
import type { RankedResponse } from "@/lib/groups/ranking";

const MARK_STYLE: Record<string, string> = {
  reference: "bg-amber-100 text-amber-800",
  chosen: "bg-emerald-100 text-emerald-800",
  rejected: "bg-rose-100 text-rose-800",
};

const BORDER: Record<string, string> = {
  reference: "border-amber-400",
  chosen: "border-emerald-400",
  rejected: "border-rose-400",
};

type Props = { response: RankedResponse; scoreLabel: "Cons" | "CL"; action?: React.ReactNode };

/** One response with its score, rank and marks; the anchor `response-<id>` is what heatmap cells link to. */
export function ResponseCard({ response: r, scoreLabel, action }: Props) {
  const anchor = `response-${r.id}`;
  const primary = r.marks[0];
  return (
    <li
      id={anchor}
      data-testid={anchor}
      data-marks={r.marks.join(" ")}
      className={`scroll-mt-4 rounded border p-3 target:ring-2 target:ring-indigo-400 ${primary ? BORDER[primary] : "border-slate-200"}`}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        {r.rank !== null && <span className="font-medium text-slate-700">rank {r.rank}</span>}
        <span>sample {r.sampleIndex}</span>
        <span className="tabular-nums" data-testid="score">
          {scoreLabel} {r.score === null ? "–" : r.score.toFixed(3)}
        </span>
        {r.marks.map((m) => (
          <span key={m} className={`rounded px-1.5 py-0.5 font-medium ${MARK_STYLE[m]}`}>
            {m}
          </span>
        ))}
        {r.origin === "edited" && <span className="rounded bg-violet-100 px-1.5 py-0.5 text-violet-800">edited</span>}
        {r.model && <span>{r.model}</span>}
        {r.extractedAnswer !== null && <span>answer {r.extractedAnswer}</span>}
        {r.detectedLanguage !== null && r.detectedLanguage !== r.language.split("-")[0] && (
          <span className="text-amber-700">detected {r.detectedLanguage}</span>
        )}
        {r.charLength === 0 && <span className="text-red-700">empty</span>}
        <ResponseChecks
          targetShare={r.targetShare}
          languageMix={r.languageMix}
          defect={r.charLength === 0 ? null : r.defect}
          language={r.language}
        />
        {action && <span className="ml-auto">{action}</span>}
      </div>
      <ModelOutput text={r.text} lang={r.detectedLanguage ?? r.language} anchorId={anchor} />
    </li>
  );
}
