import { languageName } from "@/lib/pipeline/language-share";

const ACTION_WORDS: Record<string, string> = {
  accept: "accept",
  swap: "swap",
  reject: "reject",
  choose: "choice of responses",
  flag: "flag",
  reset: "reset",
};

/** "Undid your accept of pair q12 (de)": what an undo took back, in words. */
export function undoneText(
  undone: { action: string; author: string | null },
  pair: { externalId: string; language: string },
  mine: boolean,
) {
  const who = mine ? "your" : `${undone.author ?? "an anonymous reviewer"}'s`;
  return `Undid ${who} ${ACTION_WORDS[undone.action] ?? undone.action} of pair ${pair.externalId} (${pair.language})`;
}

/** "9:05", "1:02:03": a lease's time left, never negative. */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export type VoteChoice = "a" | "b" | "tie" | "both_bad";

const CHOICE_WORDS: Record<VoteChoice, string> = { a: "preferred A", b: "preferred B", tie: "called a tie", both_bad: "marked both bad" };

/** "You preferred A on pair 123 (de): 1 of 2 votes, consensus pending." */
export function votedText(
  choice: VoteChoice,
  pair: { id: number; lang: string },
  outcome: { votes: number; consensus: string },
  votesPerPair: number,
) {
  return `You ${CHOICE_WORDS[choice]} on pair ${pair.id} (${pair.lang}): ${outcome.votes} of ${votesPerPair} votes, consensus ${outcome.consensus}.`;
}

/**
 * The language a word diff of two texts is shown in, or why there is none: a diff interleaves the two
 * texts, which only reads when both are in the same language (each text's detected language, else the pair's).
 * `names` say the texts in the message, `after` first.
 */
export function diffLanguage(
  after: string | null,
  before: string | null,
  pairLanguage: string,
  names: readonly [string, string] = ["the chosen response", "the rejected one"],
): { lang: string } | { why: string } {
  const [a, b] = [after ?? pairLanguage, before ?? pairLanguage];
  if (a === b) return { lang: a };
  return {
    why: `Diff offered only between texts in the same language: ${names[0]} is in ${languageName(a)}, ${names[1]} in ${languageName(b)}.`,
  };
}
