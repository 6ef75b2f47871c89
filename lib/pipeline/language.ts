/**
 * Language identification for the language guard.
 *
 * Google's CLD2 (native, ~9 µs on CLD2_CHARS characters) reads the start of the text first, with
 * code, URLs, e-mails and LaTeX commands removed. When it is sure, its answer stands: the requested
 * language (`hint`) if that holds at least CLD2_HINT_MIN_PERCENT of the text, another allowed language
 * if that holds at least CLD2_OTHER_MIN_PERCENT. That settles nearly every response.
 *
 * Otherwise two maintained detectors vote on the first MAX_DETECT_CHARS letters: eld 2.1
 * (60 languages, accurate on short text and on close pairs such as ru/bg where franc errs, but no
 * Swahili) and franc 6.2 (trigrams, 186 languages incl. Swahili). All three are restricted to
 * SUPPORTED_LANGUAGES plus the hint. Digits and symbols are removed too. The answer is null (unknown)
 * unless:
 * - the text has ≥ MIN_DETECT_LETTERS letters, and
 * - franc sees a script only one allowed language uses (Han, kana, Hangul, Thai, …), or
 * - franc's winner is a language eld does not know (e.g. sw) and leads the runner-up by
 *   ≥ FRANC_ONLY_MIN_GAP, or
 * - eld calls its (allowed) winner reliable, or eld and franc name the same language.
 */
import { eld } from "eld/small";
import { francAll } from "franc";
import { cld2Detect } from "./cld2";
import { eldCodeOf, FRANC_TO_BCP47, francCodeOf, fromEldCode, normalizeLanguageTag, sameLanguage } from "./language-codes";
import type { Candidate } from "./types";

/** Languages verified by tests with real sentences. */
export const SUPPORTED_LANGUAGES = [
  "ar",
  "bg",
  "bn",
  "cs",
  "da",
  "de",
  "el",
  "en",
  "es",
  "fa",
  "fi",
  "fr",
  "he",
  "hi",
  "hu",
  "id",
  "it",
  "ja",
  "ko",
  "mr",
  "nb",
  "nl",
  "pl",
  "pt",
  "ro",
  "ru",
  "sv",
  "sw",
  "ta",
  "te",
  "th",
  "tr",
  "uk",
  "ur",
  "vi",
  "zh",
] as const;

export const MIN_DETECT_LETTERS = 10;
export const MAX_DETECT_CHARS = 400;
export const FRANC_ONLY_MIN_GAP = 0.05;
/** Share (%) of the text's start CLD2 must give the requested language to settle it alone. */
export const CLD2_HINT_MIN_PERCENT = 50;
/** Share (%) CLD2 must give any other language to settle it alone. */
export const CLD2_OTHER_MIN_PERCENT = 90;
/** Characters of raw text CLD2 reads. */
export const CLD2_CHARS = 200;

type EldInstance = ReturnType<typeof eld.newInstance>;

/** What detection needs for one expected language, built once per hint. */
interface HintContext {
  allowed: string[];
  francOnly: string[];
  eld: EldInstance;
  eldKnowsHint: boolean;
}

const contexts = new Map<string, HintContext>();

function eldInstance(allowed: readonly string[]): EldInstance {
  const codes = [...new Set(allowed.map(eldCodeOf).filter((c): c is string => c !== undefined))].sort();
  const instance = eld.newInstance();
  instance.setLanguageSubset(codes);
  return instance;
}

function contextFor(hint: string | undefined): HintContext {
  const key = hint ?? "";
  let context = contexts.get(key);
  if (context === undefined) {
    const allowed = allowedLanguages(hint);
    const h = hint === undefined ? undefined : normalizeLanguageTag(hint);
    context = {
      allowed,
      francOnly: allowed.map(francCodeOf).filter((c): c is string => c !== undefined),
      eld: eldInstance(allowed),
      eldKnowsHint: h !== undefined && eldCodeOf(h) !== undefined,
    };
    contexts.set(key, context);
  }
  return context;
}

const CODE = /```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/gu;
const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gu;
const LATEX_COMMAND = /\\[A-Za-z]+/g;

/**
 * Text without code, URLs, e-mails and LaTeX commands. Each pattern runs only when the text holds a
 * character it needs (most responses have none); the e-mail pattern would also backtrack over every
 * run of non-spaces (all of a CJK text).
 */
export function withoutMarkup(text: string): string {
  let out = text;
  if (out.includes("`") || out.includes("~~~")) out = out.replace(CODE, " ");
  const email = out.includes("@");
  if (email || out.includes("://") || out.includes("www.")) out = out.replace(email ? URL_OR_EMAIL : URL, " ");
  if (out.includes("\\")) out = out.replace(LATEX_COMMAND, " ");
  return out;
}

/** Strip what is not prose: code, URLs, e-mails, LaTeX commands, digits, punctuation and symbols. */
export function textForDetection(text: string): string {
  return withoutMarkup(text)
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

function francVote(text: string, context: HintContext): FrancVote | null {
  const ranked = francAll(text, { only: context.francOnly, minLength: 1 });
  const [top, second] = ranked;
  if (top === undefined || top[0] === "und") return null;
  const lang = FRANC_TO_BCP47[top[0]];
  if (lang === undefined) return null;
  return { lang, gap: second === undefined ? 1 : top[1] - second[1], singleScript: second === undefined };
}

function eldVote(text: string, context: HintContext): { lang: string; reliable: boolean } | null {
  const result = context.eld.detect(text);
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

function hasLetters(text: string, count: number): boolean {
  const letter = /\p{L}/gu;
  for (let n = 0; n < count; n++) if (letter.exec(text) === null) return false;
  return true;
}

/**
 * CLD2's answer when it is sure of the text's start: the requested language when that holds most of
 * it, any other allowed language only when that holds nearly all of it. Null leaves the text to the
 * two voting detectors.
 */
function cld2Verdict(text: string, hint: string | undefined, context: HintContext): string | null {
  const prose = withoutMarkup(text.slice(0, CLD2_CHARS));
  if (!hasLetters(prose, MIN_DETECT_LETTERS)) return null;
  const verdict = cld2Detect(prose);
  const top = verdict.languages[0];
  if (!verdict.reliable || top === undefined) return null;
  // A language no detector tells apart from the requested one is the requested one.
  if (hint !== undefined && sameLanguage(top.code, hint)) return top.percent >= CLD2_HINT_MIN_PERCENT ? normalizeLanguageTag(hint) : null;
  const lang = normalizeLanguageTag(top.code);
  return top.percent >= CLD2_OTHER_MIN_PERCENT && context.allowed.includes(lang) ? lang : null;
}

/**
 * BCP-47 primary subtag of the text's language, or null when unsure.
 * `hint` (the language the response was requested in) adds that language to the
 * candidates when it is not in SUPPORTED_LANGUAGES; pass it, or such text may be
 * read as a neighbouring language.
 */
export function detectLanguage(text: string, hint?: string): string | null {
  const context = contextFor(hint);
  const sure = cld2Verdict(text, hint, context);
  if (sure !== null) return sure;
  // A few hundred letters settle the language; the cap keeps long responses as cheap as short ones.
  const clean = textForDetection(text.slice(0, 4 * MAX_DETECT_CHARS)).slice(0, MAX_DETECT_CHARS);
  if (letterCount(clean) < MIN_DETECT_LETTERS) return null;
  // eld is ~20× cheaper than franc: trust a reliable eld answer when eld knows the requested language.
  const early = context.eldKnowsHint ? eldVote(clean, context) : null;
  if (early?.reliable && eldCodeOf(early.lang) !== undefined) return early.lang;
  const franc = francVote(clean, context);
  if (franc?.singleScript) return franc.lang;
  if (franc !== null && eldCodeOf(franc.lang) === undefined) {
    return franc.gap >= FRANC_ONLY_MIN_GAP ? franc.lang : null;
  }
  const eldResult = eldVote(clean, context);
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

const pairDetectors = new Map<string, EldInstance | string[]>();

/**
 * Whether `text` reads more like `target` than like `other` (both BCP-47), asking only about those
 * two: eld when it knows both, else franc. Used to check what CLD2 says of short runs, where it
 * confuses languages written alike (French read as English).
 */
export function readsAs(text: string, target: string, other: string): boolean {
  const key = `${normalizeLanguageTag(target)} ${normalizeLanguageTag(other)}`;
  let detector = pairDetectors.get(key);
  if (detector === undefined) {
    const eldCodes = [eldCodeOf(target), eldCodeOf(other)];
    if (eldCodes.every((c) => c !== undefined)) {
      detector = eld.newInstance();
      detector.setLanguageSubset(eldCodes as string[]);
    } else {
      detector = [francCodeOf(target), francCodeOf(other)].filter((c): c is string => c !== undefined);
    }
    pairDetectors.set(key, detector);
  }
  const clean = textForDetection(text);
  if (Array.isArray(detector)) {
    if (detector.length < 2) return true;
    const top = francAll(clean, { only: detector, minLength: 1 })[0];
    return top === undefined || top[0] === "und" || sameLanguage(FRANC_TO_BCP47[top[0]] ?? target, target);
  }
  const result = detector.detect(clean).language;
  return result === "" || sameLanguage(fromEldCode(result), target);
}
