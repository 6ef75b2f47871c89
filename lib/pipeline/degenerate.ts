/**
 * Degenerate responses: never chosen, never the reference (the pair is still free to reject them).
 * - `empty`: nothing but white space once the reasoning trace is removed;
 * - `truncated`: generation stopped at the token limit (finish reason `length`), when it is known;
 * - `repetition_loop`: the model repeats itself until it is cut off. Two signals, on answers of at
 *   least LOOP_MIN_CHARS characters:
 *   - the text ends in one unit repeated, covering ≥ LOOP_MIN_REPEATED_CHARS (`vyote vyote vyote …`;
 *     digits counted as one, so `15384, 15387, 15390, …` is a loop too);
 *   - lines that are repeats of an earlier line (digits counted as one, so a counter does not hide
 *     the loop) make up ≥ LOOP_REPEATED_LINE_SHARE of the text's line characters.
 */
export const RESPONSE_DEFECTS = ["empty", "truncated", "repetition_loop"] as const;
export type ResponseDefect = (typeof RESPONSE_DEFECTS)[number];

export const LOOP_MIN_CHARS = 2_000;
export const LOOP_MIN_REPEATED_CHARS = 1_000;
export const LOOP_REPEATED_LINE_SHARE = 0.5;
/** Finish reasons that mean the token limit cut the response (OpenAI, vLLM, Anthropic-style). */
const CUT_REASONS = new Set(["length", "max_tokens", "max_length"]);

const DIGITS = /\p{Nd}+/gu;
const SPACE = /\s+/gu;
const NOT_SPACE = /\S/;
const PROBE = 48;
const TAIL = 16_384;

/** Characters at the end of `text` made of one unit repeated (the last unit may be cut short). */
export function repeatedSuffixLength(text: string): number {
  const end = text.length;
  if (end < 2 * PROBE) return 0;
  const probe = text.slice(end - PROBE);
  const from = Math.max(0, end - TAIL);
  const previous = text.lastIndexOf(probe, end - PROBE - 1);
  if (previous < from) return 0;
  const period = end - PROBE - previous;
  let i = end - 1;
  while (i - period >= from && text.charCodeAt(i) === text.charCodeAt(i - period)) i--;
  return end - 1 - i;
}

/** Share of the text's line characters that repeat an earlier line (digits and spacing ignored). */
export function repeatedLineShare(text: string): number {
  const seen = new Set<string>();
  let total = 0;
  let repeated = 0;
  for (const raw of text.split("\n")) {
    const line = raw.replace(SPACE, " ").trim();
    if (line === "") continue;
    total += line.length;
    const key = line.replace(DIGITS, "0");
    if (seen.has(key)) repeated += line.length;
    else seen.add(key);
  }
  return total === 0 ? 0 : repeated / total;
}

export function isRepetitionLoop(text: string): boolean {
  if (text.length < LOOP_MIN_CHARS) return false;
  const tail = text.slice(-TAIL).replace(DIGITS, "0");
  return repeatedSuffixLength(tail) >= LOOP_MIN_REPEATED_CHARS || repeatedLineShare(text) >= LOOP_REPEATED_LINE_SHARE;
}

/** The response's defect, checked on its answer (reasoning removed); null when it may be chosen. */
export function findDefect(answer: string, finishReason: string | null = null): ResponseDefect | null {
  if (!NOT_SPACE.test(answer)) return "empty";
  if (isRepetitionLoop(answer)) return "repetition_loop";
  if (finishReason !== null && CUT_REASONS.has(finishReason.toLowerCase())) return "truncated";
  return null;
}
