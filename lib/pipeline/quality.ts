/**
 * Answer-level quality of pairs against gold answers (math datasets): how often the
 * chosen response is correct and the rejected one is wrong. A missing (null) answer
 * counts as wrong. Shares are over pairs whose group has a gold answer; null when none.
 */
import { answersEqual } from "./answer";
import { isOnTarget } from "./target";

export interface PairAnswers {
  lang: string;
  chosenAnswer: string | null;
  rejectedAnswer: string | null;
  gold: string | null;
}

export interface AnswerQuality {
  lang: string;
  pairs: number;
  withGold: number;
  chosenCorrect: number;
  rejectedWrong: number;
  chosenCorrectShare: number | null;
  rejectedWrongShare: number | null;
}

function aggregate(lang: string, records: readonly PairAnswers[]): AnswerQuality {
  let withGold = 0;
  let chosenCorrect = 0;
  let rejectedWrong = 0;
  for (const r of records) {
    if (r.gold === null || r.gold.trim() === "") continue;
    withGold++;
    if (answersEqual(r.chosenAnswer, r.gold)) chosenCorrect++;
    if (!answersEqual(r.rejectedAnswer, r.gold)) rejectedWrong++;
  }
  return {
    lang,
    pairs: records.length,
    withGold,
    chosenCorrect,
    rejectedWrong,
    chosenCorrectShare: withGold === 0 ? null : chosenCorrect / withGold,
    rejectedWrongShare: withGold === 0 ? null : rejectedWrong / withGold,
  };
}

/** One row per language, sorted by language code. */
export function answerQualityByLanguage(records: readonly PairAnswers[]): AnswerQuality[] {
  const byLang = new Map<string, PairAnswers[]>();
  for (const r of records) {
    const list = byLang.get(r.lang);
    if (list === undefined) byLang.set(r.lang, [r]);
    else list.push(r);
  }
  return [...byLang.keys()].sort().map((lang) => aggregate(lang, byLang.get(lang) ?? []));
}

/** All languages together (lang = "all"). */
export function answerQualityOverall(records: readonly PairAnswers[]): AnswerQuality {
  return aggregate("all", records);
}

/** Responses of one group and language with the same detection and answer (`count` of them, default 1). */
export interface ResponseAnswer {
  groupId: string;
  lang: string;
  detectedLang: string | null;
  answer: string | null;
  gold: string | null;
  count?: number;
}

/**
 * What any selection could reach in one language, on the same data:
 * - oracle: share of gold groups where some on-target response has the gold answer;
 * - randomOnTarget: expected share of correct answers when the chosen response is drawn uniformly
 *   from the on-target responses (mean over gold groups of correct on-target / on-target; a group
 *   with no on-target response counts 0).
 * `groups` counts the groups with a gold answer and at least one response in the language; the
 * shares are null when it is 0.
 */
export interface SelectionBounds {
  lang: string;
  groups: number;
  oracle: number | null;
  randomOnTarget: number | null;
}

/** One gold group's responses in one language: how many are on-target, and how many of those have the gold answer. */
export interface GoldGroupCell {
  lang: string;
  onTarget: number;
  correct: number;
}

/** The bounds from one cell per (gold group, language); one row per language, sorted by language code. */
export function boundsFromCells(cells: readonly GoldGroupCell[]): SelectionBounds[] {
  const byLang = new Map<string, { groups: number; oracle: number; expected: number }>();
  for (const c of cells) {
    let t = byLang.get(c.lang);
    if (t === undefined) byLang.set(c.lang, (t = { groups: 0, oracle: 0, expected: 0 }));
    t.groups++;
    if (c.correct > 0) t.oracle++;
    if (c.onTarget > 0) t.expected += c.correct / c.onTarget;
  }
  return [...byLang.keys()].sort().map((lang) => {
    const t = byLang.get(lang) ?? { groups: 0, oracle: 0, expected: 0 };
    return {
      lang,
      groups: t.groups,
      oracle: t.groups === 0 ? null : t.oracle / t.groups,
      randomOnTarget: t.groups === 0 ? null : t.expected / t.groups,
    };
  });
}

/** The bounds from individual responses (see SelectionBounds); one row per language with a gold group. */
export function selectionBoundsByLanguage(responses: readonly ResponseAnswer[]): SelectionBounds[] {
  const correctCache = new Map<string, boolean>();
  const correct = (answer: string | null, gold: string) => {
    if (answer === null) return false;
    const key = `${gold}\u0000${answer}`;
    let hit = correctCache.get(key);
    if (hit === undefined) correctCache.set(key, (hit = answersEqual(answer, gold)));
    return hit;
  };
  const cells = new Map<string, GoldGroupCell>();
  for (const r of responses) {
    if (r.gold === null || r.gold.trim() === "") continue;
    const key = `${r.lang}\u0000${r.groupId}`;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = { lang: r.lang, onTarget: 0, correct: 0 }));
    if (!isOnTarget(r, r.lang)) continue;
    const n = r.count ?? 1;
    cell.onTarget += n;
    if (correct(r.answer, r.gold)) cell.correct += n;
  }
  return boundsFromCells([...cells.values()]);
}

/** Chosen responses of one language with the same detection (`count` of them). */
export interface ChosenLanguage {
  lang: string;
  detectedLang: string | null;
  count: number;
}

/** Per language: paired proposals and the share whose chosen response is on-target (null without pairs). */
export function chosenOnTargetByLanguage(chosen: readonly ChosenLanguage[]): Map<string, { pairs: number; chosenOnTarget: number | null }> {
  const tally = new Map<string, { pairs: number; onTarget: number }>();
  for (const c of chosen) {
    let t = tally.get(c.lang);
    if (t === undefined) tally.set(c.lang, (t = { pairs: 0, onTarget: 0 }));
    t.pairs += c.count;
    if (isOnTarget(c, c.lang)) t.onTarget += c.count;
  }
  return new Map([...tally].map(([lang, t]) => [lang, { pairs: t.pairs, chosenOnTarget: t.pairs === 0 ? null : t.onTarget / t.pairs }]));
}
