import { LanguageBadge } from "@/components/language-badge";
import type { GroupResponse } from "@/lib/groups/types";
import type { PairState } from "@/lib/references/recompute";

type Change = { language: string; before: PairState | null; after: PairState };

function describe(state: PairState | null, byId: Map<number, GroupResponse>): string {
  if (!state) return "no pair";
  const s = (id: number | null) => (id === null ? "–" : `sample ${byId.get(id)?.sampleIndex ?? "?"}`);
  if (state.chosenId === null) return `${state.status}${state.skipReason ? ` (${state.skipReason})` : ""}`;
  const margin =
    state.margin === null
      ? ""
      : state.basis === "language_guard"
        ? " · margin guard (rejected off-target or mixed)"
        : ` · margin ${state.margin.toFixed(3)}`;
  return `chosen ${s(state.chosenId)} / rejected ${s(state.rejectedId)}${margin} · ${state.status}`;
}

/** Each language's pair before and after a reference correction. */
export function BeforeAfter({ changes, byId }: { changes: Change[]; byId: Map<number, GroupResponse> }) {
  return (
    <table className="text-sm" aria-label="Pairs before and after the correction">
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th className="pr-3 font-normal">language</th>
          <th className="pr-3 font-normal">before</th>
          <th className="pr-3 font-normal" />
          <th className="font-normal">after</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => {
          const before = describe(c.before, byId);
          const after = describe(c.after, byId);
          return (
            <tr key={c.language} data-testid={`change-${c.language}`} className={before === after ? "text-slate-500" : ""}>
              <td className="pr-3">
                <LanguageBadge lang={c.language} />
              </td>
              <td className="pr-3 tabular-nums">{before}</td>
              <td className="pr-3">→</td>
              <td className="tabular-nums">
                {after}
                {c.after.origin === "human" && (
                  <span className="ml-2 text-xs">
                    (human decision kept{c.after.conflict ? ", now in conflict" : ""}
                    {c.after.conflict && c.after.proposedSkipReason
                      ? `: the method now proposes no pair, ${c.after.proposedSkipReason}`
                      : ""}
                    )
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
