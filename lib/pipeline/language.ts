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

/** What detection needs for one expected language, built once per hint. */
interface HintContext {
  allowed: string[];
  francOnly: string[];
  eld: EldInstance;
  eldKnowsHint: boolean;
  /** Set when the hint is the only allowed language written in this script. */
  ownScript: RegExp | undefined;
}

/**
 * Scripts that only one supported language uses. Han is shared with Japanese, so it counts for
 * Chinese only when the text has no kana (franc reads Han-only text as Chinese the same way).
 */
const OWN_SCRIPT: Readonly<Record<string, RegExp>> = {
  zh: /\p{Script=Han}/gu,
  ko: /\p{Script=Hangul}/gu,
  th: /\p{Script=Thai}/gu,
  el: /\p{Script=Greek}/gu,
  he: /\p{Script=Hebrew}/gu,
  bn: /\p{Script=Bengali}/gu,
  ta: /\p{Script=Tamil}/gu,
  te: /\p{Script=Telugu}/gu,
};
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Share of a prefix's letters that must be in the hint's own script for the script to settle it. */
const OWN_SCRIPT_SHARE = 0.9;
/** Lead a quick franc vote on a prefix needs before it is trusted for a language eld does not know. */
const QUICK_FRANC_MIN_GAP = 0.1;

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
    const supported = h !== undefined && (SUPPORTED_LANGUAGES as readonly string[]).includes(h);
    context = {
      allowed,
      francOnly: allowed.map(francCodeOf).filter((c): c is string => c !== undefined),
      eld: eldInstance(allowed),
      eldKnowsHint: h !== undefined && eldCodeOf(h) !== undefined,
      ownScript: supported ? OWN_SCRIPT[h] : undefined,
    };
    contexts.set(key, context);
  }
  return context;
}

const URL = /\b(?:https?:\/\/|www\.)\S+/gu;
const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gu;

/** Strip what is not prose: code, URLs, e-mails, LaTeX commands, digits, punctuation and symbols. */
export function textForDetection(text: string): string {
  // The e-mail pattern backtracks over every run of non-spaces (all of a CJK text): skip it when no "@".
  const urlOrEmail = text.includes("@") ? URL_OR_EMAIL : URL;
  return text
    .replace(/```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`/g, " ")
    .replace(urlOrEmail, " ")
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

/** The first QUICK_DETECT_CHARS of cleaned text, or null when the text's start has fewer. */
function cleanHead(text: string): string | null {
  let head = textForDetection(text.slice(0, 2 * QUICK_DETECT_CHARS));
  if (head.length < QUICK_DETECT_CHARS) head = textForDetection(text.slice(0, 4 * QUICK_DETECT_CHARS));
  return head.length < QUICK_DETECT_CHARS ? null : head.slice(0, QUICK_DETECT_CHARS);
}

function inOwnScript(head: string, script: RegExp, hint: string): boolean {
  if (hint === "zh" && KANA.test(head)) return false;
  const inScript = head.match(script)?.length ?? 0;
  return inScript >= MIN_DETECT_LETTERS && inScript >= OWN_SCRIPT_SHARE * letterCount(head);
}

/**
 * Most responses are in the requested language, and a prefix settles that cheaply: letters in a script
 * only that language uses, a reliable eld vote for it, or (languages eld does not know) a clear franc lead.
 */
function confirmOnPrefix(text: string, hint: string, context: HintContext): string | null {
  const head = cleanHead(text);
  if (head === null) return null;
  const h = normalizeLanguageTag(hint);
  if (context.ownScript !== undefined && inOwnScript(head, context.ownScript, h)) return h;
  if (context.eldKnowsHint) {
    const quick = eldVote(head, context);
    return quick?.reliable && sameLanguage(quick.lang, hint) ? quick.lang : null;
  }
  const franc = francVote(head, context);
  return franc !== null && franc.lang === h && franc.gap >= QUICK_FRANC_MIN_GAP ? franc.lang : null;
}

/**
 * BCP-47 primary subtag of the text's language, or null when unsure.
 * `hint` (the language the response was requested in) adds that language to the
 * candidates when it is not in SUPPORTED_LANGUAGES; pass it, or such text may be
 * read as a neighbouring language.
 */
export function detectLanguage(text: string, hint?: string): string | null {
  const context = contextFor(hint);
  if (hint !== undefined) {
    const confirmed = confirmOnPrefix(text, hint, context);
    if (confirmed !== null) return confirmed;
  }
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
