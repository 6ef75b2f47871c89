import type { GroupResponse, GroupView } from "@/lib/groups/types";
import { BeforeAfter } from "./before-after";
import { EditReferenceForm, UndoCorrectionButton } from "./reference-actions";

const KIND_TEXT: Record<string, string> = { pick: "picked another sample", edit: "edited the text", undo: "undid a correction" };

/** The English reference, where it came from, how to correct it, and the last correction's effect. */
export function ReferencePanel({
  view,
  slug,
  byId,
  canReview,
}: {
  view: GroupView;
  slug: string;
  byId: Map<number, GroupResponse>;
  canReview: boolean;
}) {
  const { reference, correction } = view;
  const ref = reference.responseId === null ? undefined : byId.get(reference.responseId);
  const who = reference.correctedBy ?? "a reviewer";
  const source =
    reference.source === "correction"
      ? `corrected by ${who}`
      : reference.source === "run"
        ? `chosen by Run ${reference.runNumber}`
        : "no select run yet";
  return (
    <section aria-label="Reference" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 className="font-medium">English reference</h2>
      <p className="text-sm" data-testid="reference-summary">
        {ref ? (
          <>
            <a className="text-indigo-700 hover:underline" href={`#response-${ref.id}`}>
              sample {ref.sampleIndex}
            </a>
            {ref.origin === "edited" && " (edited text)"}
            {reference.cons !== null && <span className="tabular-nums"> · Cons {reference.cons.toFixed(3)}</span>}
            {reference.scorer && <span> · scorer {reference.scorer}</span>}
          </>
        ) : (
          "none"
        )}{" "}
        <span className="text-slate-500">· {source}</span>
      </p>
      {canReview && ref && <EditReferenceForm slug={slug} groupId={view.group.id} text={ref.text} lang={ref.language} />}
      {correction && (
        <div className="space-y-2 border-t border-slate-100 pt-3" data-testid="last-correction">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              Last correction: {who} {KIND_TEXT[correction.kind] ?? correction.kind}
              {correction.reason ? ` — “${correction.reason}”` : ""}
            </span>
            {canReview && <UndoCorrectionButton slug={slug} groupId={view.group.id} correctionId={correction.correctionId} />}
          </div>
          <BeforeAfter changes={correction.changes} byId={byId} />
        </div>
      )}
    </section>
  );
}
