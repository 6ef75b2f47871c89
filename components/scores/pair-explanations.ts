/** Plain-language texts for skip reasons, conflicts and pair bases (shared by the group page, pairs table and review card). */

export const SKIP_TEXT: Record<string, string> = {
  no_reference: "no English reference",
  too_few_candidates: "fewer than two scorable responses",
  all_off_target: "no response may be chosen: each is in another language, mixed-language or defective",
  same_response: "chosen and rejected would be the same response",
  identical_text: "chosen and rejected have the same text",
  below_margin: "margin below the run's threshold",
  cross_script: "the scorer compares characters, and these responses are in another script than the reference",
  no_agreement: "no response has the English reference's answer, so the reference supports neither",
  no_gold_reference: "gold-reference run: no English sample has the gold answer",
};

/** "no response has the English reference's answer, … (reference answer 18; answers seen: 16 (2), 20 (1))". */
export function skipText(reason: string, detail: string | null | undefined): string {
  return `${SKIP_TEXT[reason] ?? reason}${detail ? ` (${detail})` : ""}`;
}

/** Why a human pair is in conflict: the method now proposes another pair, or none (with the skip's reason). */
export function conflictText(p: { proposedSkipReason: string | null; proposedSkipDetail: string | null }): string {
  return p.proposedSkipReason === null
    ? "the method now proposes another pair"
    : `the method now proposes no pair: ${skipText(p.proposedSkipReason, p.proposedSkipDetail)}`;
}

export const GUARD_TEXT =
  "the rejected response is in another language or mixed-language, so it loses whatever the scores (no margin filter)";
