/**
 * Reasoning traces in model outputs. R1-style models write `<think>…</think>` before the answer; their
 * chat templates often put the opening tag in the prompt, so the output holds only the closing one
 * (the trace then starts at the beginning). A trace left open (`<think>` and no closing tag) runs to
 * the end of the text. Scoring, answer extraction and language detection read the answer alone unless
 * a run keeps the reasoning.
 */
const OPEN = "<think>";
const CLOSE = "</think>";

export interface ReasoningSplit {
  /** The trace with its tags is text.slice(start, end); start = end = 0 when there is none. */
  start: number;
  end: number;
  /** The text without the trace. */
  answer: string;
}

export function splitReasoning(text: string): ReasoningSplit {
  const close = text.lastIndexOf(CLOSE);
  if (close >= 0) {
    const open = text.indexOf(OPEN);
    const start = open >= 0 && open < text.indexOf(CLOSE) ? open : 0;
    const end = close + CLOSE.length;
    return { start, end, answer: text.slice(0, start) + text.slice(end) };
  }
  const open = text.indexOf(OPEN);
  if (open >= 0) return { start: open, end: text.length, answer: text.slice(0, open) };
  return { start: 0, end: 0, answer: text };
}

export function hasReasoning(text: string): boolean {
  return text.includes(CLOSE) || text.includes(OPEN);
}

/** The text the method reads: the answer alone, or everything when the run keeps the reasoning. */
export function answerText(text: string, keepReasoning = false): string {
  return keepReasoning || !hasReasoning(text) ? text : splitReasoning(text).answer;
}
