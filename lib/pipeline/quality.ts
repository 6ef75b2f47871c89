/**
 * Answer-level quality of pairs against gold answers (math datasets): how often the
 * chosen response is correct and the rejected one is wrong. A missing (null) answer
 * counts as wrong. Shares are over pairs whose group has a gold answer; null when none.
 */
import { answersEqual } from "./answer";

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
