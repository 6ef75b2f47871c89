import { MIXED_SHARE } from "@/lib/pairs/constants";
import { languageName } from "@/lib/pipeline/language-share";

/** The default of a run's minTargetShare: below it the badge says "mixed" (a run may use another threshold). */
export const MIXED_BELOW = MIXED_SHARE;

const DEFECTS: Record<string, string> = {
  repetition_loop: "repetition loop",
  truncated: "cut at the token limit",
  empty: "empty answer",
};

export function describeDefect(defect: string): string {
  return DEFECTS[defect] ?? defect;
}

/** Nothing for a response wholly in its language (or not measured); else its share, "mixed" below MIXED_BELOW. */
export function shareBadge(
  share: number | null,
  mix: string | null,
  language: string,
): { label: string; title: string; mixed: boolean } | null {
  if (share === null || share >= 1) return null;
  const mixed = share < MIXED_BELOW;
  const percent = Math.floor(share * 100);
  const name = languageName(language.split("-")[0] ?? language);
  return {
    mixed,
    label: mixed ? `mixed: ${mix ?? `${percent}% ${name}`}` : `${percent}% ${name}`,
    title:
      `${percent}% of the letters are in ${name} (${mix ?? "the rest unnamed"}), read over the whole answer. ` +
      `Below ${MIXED_BELOW * 100}% a response is mixed: never chosen, never the reference, rejected after off-target ones.`,
  };
}
