import { extractAnswer } from "./answer";
import { detectLanguage } from "./language";
import { answerText, hasReasoning } from "./reasoning";
import type { Candidate } from "./types";

/**
 * The candidate as a run reads it. Stored fields describe the answer without its reasoning trace,
 * so by default the trace is removed from the text the scorers compare. A run that keeps the
 * reasoning reads the whole text and detects the language and extracts the answer from it anew.
 */
export function readCandidate(c: Candidate, keepReasoning: boolean): Candidate {
  if (!hasReasoning(c.text)) return c;
  if (!keepReasoning) return { ...c, text: answerText(c.text) };
  return { ...c, detectedLang: detectLanguage(c.text, c.lang), answer: extractAnswer(c.text, c.lang) };
}
