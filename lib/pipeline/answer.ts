/**
 * Final-answer extraction for math/reasoning responses, in this order:
 * 1. the last `\boxed{…}` (`\fbox{…}`): its number, else its text (lower-cased);
 * 2. the last `####` line;
 * 3. the last answer marker ("Answer:", "The answer is", "Antwort:", "Réponse :", "Respuesta:",
 *    "答案是", "答：", "الإجابة", "उत्तर", "Jibu ni", "Ответ:", …) that has a number in its sentence
 *    (or, when its sentence is empty, on the next line);
 * 4. else the last number in the text.
 * Inside a marker's sentence or a box the number after the last "=" wins
 * ("The answer is 3 × 6 = 18" → 18), else the first number. Numbers are read by
 * `numerals.ts` (native digits, separators, decimal commas) and returned canonical.
 */
import { findMarkers, LOOSE_MARKER_REACH } from "./answer-markers";
import { findNumbers, normalizeNumerals, NUMBER_SOURCE, readNumberMatch } from "./numerals";

const SENTENCE_END = /[\n。！？!?؟।॥]|\.(?=\s|$)/u;

function boxedContent(text: string): string | null {
  const open = Math.max(text.lastIndexOf("\\boxed{"), text.lastIndexOf("\\fbox{"));
  if (open < 0) return null;
  let depth = 0;
  const from = text.indexOf("{", open);
  for (let i = from; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(from + 1, i);
  }
  return text.slice(from + 1);
}

function latexFractions(text: string): string {
  return text.replace(/\\[dt]?frac\s*\{\s*(-?[\d.,]+)\s*\}\s*\{\s*([\d.,]+)\s*\}/g, "$1/$2");
}

/** The number after the last "=", else the first number; null when there is none. */
function numberInSegment(segment: string, lang?: string): string | null {
  const numbers = findNumbers(segment, lang);
  const eq = segment.lastIndexOf("=");
  const afterEq = eq >= 0 ? numbers.find((n) => n.start > eq) : undefined;
  return (afterEq ?? numbers[0])?.value ?? null;
}

function sentenceAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const end = rest.search(SENTENCE_END);
  const sentence = end < 0 ? rest : rest.slice(0, end);
  if (sentence.trim() !== "" || end < 0) return sentence;
  const nextLine = rest.slice(end).replace(/^\s+/u, "");
  return nextLine.split("\n")[0] ?? "";
}

function canonicalText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
}

function fromMarkers(text: string, lang?: string): string | null {
  for (const hit of findMarkers(text)) {
    const segment = sentenceAfter(text, hit.end);
    const numbers = findNumbers(segment, lang);
    const first = numbers[0];
    if (first === undefined) continue;
    if (hit.loose && first.start > LOOSE_MARKER_REACH) continue;
    return numberInSegment(segment, lang);
  }
  return null;
}

/** Canonical final answer of a response, or null. `lang` only decides how "1.500" reads (see numerals.ts). */
export function extractAnswer(text: string, lang?: string): string | null {
  const normalized = latexFractions(normalizeNumerals(text));
  const boxed = boxedContent(normalized);
  if (boxed !== null) {
    const value = numberInSegment(boxed, lang);
    if (value !== null) return value;
    if (boxed.trim() !== "") return canonicalText(boxed);
  }
  const hashes = normalized.lastIndexOf("####");
  if (hashes >= 0) {
    const value = numberInSegment(normalized.slice(hashes + 4).split("\n")[0] ?? "", lang);
    if (value !== null) return value;
  }
  const marked = fromMarkers(normalized, lang);
  if (marked !== null) return marked;
  const numbers = findNumbers(normalized, lang);
  return numbers[numbers.length - 1]?.value ?? null;
}

const DECORATION = /^[\s$€£¥₹₩₽*\\(){}[\]]+|[\s$€£¥₹₩₽%٪*\\(){}[\].。]+$/gu;
const WHOLE_NUMBER = new RegExp(`^${NUMBER_SOURCE}$`, "u");

/**
 * Canonical form of an answer string (a gold answer, or a stored one): a lone number
 * (currency signs, "%", markdown and LaTeX decoration allowed around it) becomes its
 * canonical number; anything else is NFC, whitespace-collapsed and lower-cased.
 * Idempotent: canonicalAnswer(canonicalAnswer(x)) === canonicalAnswer(x).
 */
export function canonicalAnswer(answer: string, lang?: string): string {
  const bare = latexFractions(normalizeNumerals(answer)).replace(DECORATION, "");
  const m = WHOLE_NUMBER.exec(bare);
  if (m !== null) return readNumberMatch(m, lang);
  return canonicalText(answer);
}

/** Same final answer. Null never matches anything, not even null. */
export function answersEqual(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return canonicalAnswer(a) === canonicalAnswer(b);
}
