import { extractAnswer } from "./answer";
import { findDefect, type ResponseDefect } from "./degenerate";
import { detectLanguage, sameLanguage } from "./language";
import { describeMix, measureLanguageShare } from "./language-share";
import { answerText } from "./reasoning";

/** What is stored with every response so runs, filters and dashboards never recompute it. */
export interface ResponseChecks {
  detectedLanguage: string | null;
  extractedAnswer: string | null;
  /** Share of the answer's letters in its language; null when too few letters to tell. */
  targetShare: number | null;
  /** The languages it is written in ("62% Bangla, 38% English") when targetShare < 1, else null. */
  languageMix: string | null;
  defect: ResponseDefect | null;
}

/**
 * Every check on one response, read without its reasoning trace. `wantAnswer`: extract a final
 * answer (math task, or the group has a gold); `finishReason`: how generation ended, when known.
 */
export function checkResponse(text: string, lang: string, options: { wantAnswer: boolean; finishReason?: string | null }): ResponseChecks {
  const answer = answerText(text);
  const blank = !/\S/.test(answer);
  const detected = blank ? null : detectLanguage(answer, lang);
  // An answer in another language is held as off-target whatever its share: measured by script alone.
  const share = blank ? null : measureLanguageShare(answer, lang, detected !== null && !sameLanguage(detected, lang));
  return {
    detectedLanguage: detected,
    extractedAnswer: options.wantAnswer ? extractAnswer(answer, lang) : null,
    targetShare: share?.target ?? null,
    languageMix: share !== null && share.target < 1 ? describeMix(share.parts) : null,
    defect: findDefect(answer, options.finishReason ?? null),
  };
}
