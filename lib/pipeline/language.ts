/**
 * Language identification for the language guard.
 *
 * Two maintained detectors vote: eld 2.1 (60 languages, accurate on short text and on
 * close pairs such as ru/bg where franc errs, but no Swahili) and franc 6.2 (trigrams,
 * 186 languages incl. Swahili). Both are restricted to SUPPORTED_LANGUAGES plus the
 * expected language passed as `hint`. Code blocks, URLs, LaTeX commands, digits and
 * symbols are removed first. The answer is null (unknown) unless:
 * - the text has ≥ MIN_DETECT_LETTERS letters, and
 * - franc sees a script only one allowed language uses (Han, kana, Hangul, Thai, …), or
 * - franc's winner is a language eld does not know (e.g. sw) and leads the runner-up by
 *   ≥ FRANC_ONLY_MIN_GAP, or
 * - eld calls its (allowed) winner reliable, or eld and franc name the same language.
 */
import { eld } from "eld/small";
import { francAll } from "franc";
import { eldCodeOf, FRANC_TO_BCP47, francCodeOf, fromEldCode, normalizeLanguageTag, sameLanguage } from "./language-codes";
import type { Candidate } from "./types";

/** Languages verified by tests with real sentences. */
export const SUPPORTED_LANGUAGES = [
  "ar", "bg", "bn", "cs", "da", "de", "el", "en", "es", "fa", "fi", "fr", "he", "hi", "hu", "id", "it", "ja",
  "ko", "mr", "nb", "nl", "pl", "pt", "ro", "ru", "sv", "sw", "ta", "te", "th", "tr", "uk", "ur", "vi", "zh",
] as const;

export const MIN_DETECT_LETTERS = 10;
export const MAX_DETECT_CHARS = 400;
export const FRANC_ONLY_MIN_GAP = 0.05;
/** Prefix (of cleaned text) on which a reliable eld vote for the requested language settles it. */
export const QUICK_DETECT_CHARS = 80;

type EldInstance = ReturnType<typeof eld.newInstance>;
const eldBySubset = new Map<string, EldInstance>();

function eldFor(allowed: readonly string[]): EldInstance {
  const codes = [...new Set(allowed.map(eldCodeOf).filter((c): c is string => c !== undefined))].sort();
  const key = codes.join(",");
  let instance = eldBySubset.get(key);
  if (instance === undefined) {
    instance = eld.newInstance();
    instance.setLanguageSubset(codes);
    eldBySubset.set(key, instance);
  }
  return instance;
}

/** Strip what is not prose: code, URLs, e-mails, LaTeX commands, digits, punctuation and symbols. */
export function textForDetection(text: string): string {
  return text
    .replace(/```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`/g, " ")
    .replace(/\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gu, " ")
    .replace(/\\[A-Za-z]+/g, " ")
    .replace(/[^\p{L}\p{M}\s'’]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

interface FrancVote {
  lang: string;
  gap: number;
  singleScript: boolean;
}

function francVote(text: string, allowed: readonly string[]): FrancVote | null {
  const only = allowed.map(francCodeOf).filter((c): c is string => c !== undefined);
  const ranked = francAll(text, { only, minLength: 1 });
  const [top, second] = ranked;
  if (top === undefined || top[0] === "und") return null;
  const lang = FRANC_TO_BCP47[top[0]];
  if (lang === undefined) return null;
  return { lang, gap: second === undefined ? 1 : top[1] - second[1], singleScript: second === undefined };
}

function eldVote(text: string, allowed: readonly string[]): { lang: string; reliable: boolean } | null {
  const result = eldFor(allowed).detect(text);
  if (result.language === "") return null;
  return { lang: fromEldCode(result.language), reliable: result.isReliable() };
}

function allowedLanguages(hint: string | undefined): string[] {
  const allowed: string[] = [...SUPPORTED_LANGUAGES];
  if (hint !== undefined) {
    const h = normalizeLanguageTag(hint);
    if (!allowed.includes(h)) allowed.push(h);
  }
  return allowed;
}

/**
 * BCP-47 primary subtag of the text's language, or null when unsure.
 * `hint` (the language the response was requested in) adds that language to the
 * candidates when it is not in SUPPORTED_LANGUAGES; pass it, or such text may be
 * read as a neighbouring language.
 */
export function detectLanguage(text: string, hint?: string): string | null {
  // A few hundred letters settle the language; the cap keeps long responses as cheap as short ones.
  const allowed = allowedLanguages(hint);
  const eldKnowsHint = hint !== undefined && eldCodeOf(normalizeLanguageTag(hint)) !== undefined;
  // Most responses are in the requested language: eld confirming it on a short prefix (half the cost
  // of the full window) settles it; anything else gets the full vote below.
  if (eldKnowsHint) {
    const head = textForDetection(text.slice(0, 4 * QUICK_DETECT_CHARS)).slice(0, QUICK_DETECT_CHARS);
    const quick = head.length === QUICK_DETECT_CHARS ? eldVote(head, allowed) : null;
    if (quick?.reliable && sameLanguage(quick.lang, hint)) return quick.lang;
  }
  const clean = textForDetection(text.slice(0, 4 * MAX_DETECT_CHARS)).slice(0, MAX_DETECT_CHARS);
  if (letterCount(clean) < MIN_DETECT_LETTERS) return null;
  // eld is ~20× cheaper than franc: trust a reliable eld answer when eld knows the requested language.
  const early = eldKnowsHint ? eldVote(clean, allowed) : null;
  if (early?.reliable && eldCodeOf(early.lang) !== undefined) return early.lang;
  const franc = francVote(clean, allowed);
  if (franc?.singleScript) return franc.lang;
  if (franc !== null && eldCodeOf(franc.lang) === undefined) {
    return franc.gap >= FRANC_ONLY_MIN_GAP ? franc.lang : null;
  }
  const eldResult = eldVote(clean, allowed);
  if (eldResult?.reliable) return eldResult.lang;
  if (eldResult !== null && franc !== null && eldResult.lang === franc.lang) return franc.lang;
  return null;
}

/** Whether detectLanguage can ever name this language. */
export function isDetectable(lang: string): boolean {
  return francCodeOf(lang) !== undefined || eldCodeOf(lang) !== undefined;
}

/**
 * Off-target: the stored detection is known and is not the expected language (nor one
 * the detectors cannot tell apart from it, see language-codes.ts). Unknown detections
 * and undetectable expected languages are never off-target.
 */
export function isOffTarget(candidate: Pick<Candidate, "detectedLang">, expectedLang: string): boolean {
  const detected = candidate.detectedLang;
  if (detected === null || detected === "") return false;
  if (!isDetectable(expectedLang)) return false;
  return !sameLanguage(detected, expectedLang);
}

export { normalizeLanguageTag, sameLanguage };
