import { GUARD_TEXT } from "./pair-explanations";

/**
 * A pair's margin: the number, or "guard" for a language-guard pair, whose score difference (often
 * negative) is not what made the choice.
 */
export function PairMargin({ margin, basis, long = false }: { margin: number | null; basis: string | null; long?: boolean }) {
  if (margin === null) return <>–</>;
  if (basis === "language_guard") {
    return (
      <span data-testid="margin-guard" title={`${GUARD_TEXT}; score difference ${margin.toFixed(3)}`}>
        guard{long ? `: ${GUARD_TEXT}` : " (rejected off-target or mixed)"}
      </span>
    );
  }
  return <>{margin.toFixed(3)}</>;
}
