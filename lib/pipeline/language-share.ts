/**
 * How much of a response is written in the language it was requested in, over the whole text.
 * Real answers often start in the target language and switch to English (or Chinese) after a line or
 * two; the detector reads the start, so this reads everything (code, URLs and LaTeX commands removed).
 * Letters are those of a known script (script.ts): digits, spaces and punctuation never count.
 * - Where the script tells the language (any target not written in Latin script, and English): the
 *   share is the share of letters in the target's script, Latin tokens of one or two letters (the
 *   variables and units of math answers) left out. CLD2 only names the other letters ("62% Bangla,
 *   38% English"): it reads short runs of another script inside a run of the target's as the target,
 *   so its own share would hide an answer whose sentences are English around native variable names.
 * - For other Latin-script targets, CLD2 splits the prose into runs of one language and the share is
 *   the target's letters over the letters of every run. CLD2 confuses languages written alike on
 *   short runs (Spanish read as Catalan, French as English): a run named as another language in the
 *   target's own script counts as the target, unless it is English (the usual switch) and eld (or
 *   franc), asked "target or English?", agrees it is English. A text without any of the English
 *   words no other such language writes (ENGLISH_MARKERS) is not asked about at all.
 * Most responses are settled by native scans before any counting (a text wholly in its script).
 */
import { cld2Detect, type Cld2Chunk } from "./cld2";
import { boundedMemo } from "./bounded-memo";
import { normalizeLanguageTag, sameLanguage } from "./language-codes";
import { readsAs, withoutMarkup } from "./language";
import { SCRIPT_CODES, scriptLetters, scriptOfLanguage, scriptSlot, SCRIPTS, type Script } from "./script";

/** Fewer letters than this say nothing about a mix: the share is null (not measurable). */
export const MIN_SHARE_LETTERS = 20;
/** Below this script share, a Latin-script target (other than English) asks CLD2 even without English words. */
const LATIN_SETTLES = 0.8;
/** A language holding less than this share is not named in the mix. */
const MIN_NAMED_SHARE = 0.05;
/** Below this share (a run's default mixed threshold) the other letters of a script-telling target are named by language. */
const NAME_BELOW = 0.8;
const PIVOT = "en";
const UNKNOWN = new Set(["un", "xx", "xxx", ""]);

export interface LanguageShare {
  /** Share of the letters in the target language, in [0, 1]. */
  target: number;
  /** The named languages with their shares, largest first (the target included). */
  parts: SharePart[];
}

/** A language (BCP-47) or, where only the script is known, a script (ISO 15924, e.g. "Latn"). */
export type SharePart = { lang: string; share: number } | { script: string; share: number };

function sameScript(a: string, b: string): boolean {
  return scriptOfLanguage(a) === scriptOfLanguage(b);
}

/** CLD2's runs in order, with what they leave out (CLD2 may skip a short start) as runs of unknown language. */
function withGaps(chunks: readonly Cld2Chunk[], length: number): Cld2Chunk[] {
  const out: Cld2Chunk[] = [];
  let at = 0;
  for (const chunk of [...chunks].sort((a, b) => a.offset - b.offset)) {
    if (chunk.offset > at) out.push({ code: "un", offset: at, bytes: chunk.offset - at });
    out.push(chunk);
    at = Math.max(at, chunk.offset + chunk.bytes);
  }
  if (at < length) out.push({ code: "un", offset: at, bytes: length - at });
  return out;
}

/** Letter counts per language of CLD2's runs (a Latin-script target), or null when CLD2 names none. */
function lettersByRun(prose: string, want: string): Map<string, number> | null {
  const { chunks } = cld2Detect(prose);
  if (chunks === undefined) return null;
  const bytes = Buffer.from(prose, "utf8");
  const counts = new Map<string, number>();
  for (const chunk of chunks) {
    const code = normalizeLanguageTag(chunk.code);
    if (UNKNOWN.has(code)) continue;
    const run = bytes.toString("utf8", chunk.offset, chunk.offset + chunk.bytes);
    const n = scriptLetters(run).total;
    if (n === 0) continue;
    const english = code === PIVOT && want !== PIVOT && !readsAs(run, want, PIVOT);
    const lang = sameLanguage(code, want) || (sameScript(code, want) && !english) ? want : code;
    counts.set(lang, (counts.get(lang) ?? 0) + n);
  }
  return counts.size === 0 ? null : counts;
}

const LATIN_WORDS = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’]*/g;

/** Latin letters no run named (English sentences around native words): named by CLD2 on those words alone. */
function nameLatinLetters(prose: string, others: Map<string, number>): void {
  const n = others.get("script:Latn");
  if (n === undefined) return;
  const top = cld2Detect((prose.match(LATIN_WORDS) ?? []).join(" ")).languages[0];
  if (top === undefined || top.percent < 50 || UNKNOWN.has(normalizeLanguageTag(top.code))) return;
  const lang = normalizeLanguageTag(top.code);
  others.delete("script:Latn");
  others.set(lang, (others.get(lang) ?? 0) + n);
}

/**
 * The script share of a target whose script tells it, with the other letters named by CLD2's runs
 * where it names them in another script than the target's, else by their script.
 */
function shareNamedByRuns(prose: string, want: string, counts: Uint32Array, total: number): LanguageShare {
  const ownSlot = scriptSlot(scriptOfLanguage(want));
  const others = new Map<string, number>();
  const add = (key: string, n: number) => others.set(key, (others.get(key) ?? 0) + n);
  const byScript = (letters: Uint32Array) =>
    letters.forEach((n, i) => {
      if (n > 0 && i !== ownSlot) add(`script:${SCRIPT_CODES[SCRIPTS[i]!]}`, n);
    });
  const { chunks } = cld2Detect(prose);
  const bytes = Buffer.from(prose, "utf8");
  for (const chunk of withGaps(chunks ?? [], bytes.length)) {
    const letters = scriptLetters(bytes.toString("utf8", chunk.offset, chunk.offset + chunk.bytes));
    const foreign = letters.total - letters.counts[ownSlot]!;
    if (foreign === 0) continue;
    const code = normalizeLanguageTag(chunk.code);
    if (UNKNOWN.has(code) || sameScript(code, want)) byScript(letters.counts);
    else add(code, foreign);
  }
  nameLatinLetters(prose, others);
  const share = counts[ownSlot]! / total;
  const parts: SharePart[] = [{ lang: want, share }];
  for (const [key, n] of others)
    parts.push(key.startsWith("script:") ? { script: key.slice(7), share: n / total } : { lang: key, share: n / total });
  parts.sort((a, b) => b.share - a.share);
  return { target: share, parts };
}

/** All of the letters are in the target language. */
function whole(want: string): LanguageShare {
  return { target: 1, parts: [{ lang: want, share: 1 }] };
}

function shareOf(counts: Map<string, number>, want: string): LanguageShare {
  let total = 0;
  for (const n of counts.values()) total += n;
  const parts = [...counts].map(([lang, n]) => ({ lang, share: n / total }));
  parts.sort((a, b) => b.share - a.share || (a.lang < b.lang ? -1 : 1));
  return { target: (counts.get(want) ?? 0) / total, parts };
}

/** Share by script alone: the target's script, and every other script holding letters. */
function shareByScript(counts: Uint32Array, total: number, want: string, own: number): LanguageShare {
  const parts: SharePart[] = [{ lang: want, share: own }];
  const ownSlot = scriptSlot(scriptOfLanguage(want));
  counts.forEach((n, i) => {
    if (n > 0 && i !== ownSlot) parts.push({ script: SCRIPT_CODES[SCRIPTS[i]!], share: n / total });
  });
  parts.sort((a, b) => b.share - a.share);
  return { target: own, parts };
}

/**
 * English words that no other Latin-script language we support writes as a word of its own: a text in
 * such a language without any of them holds no English run worth the name, so CLD2 is not asked.
 */
const ENGLISH_MARKERS = /\b(?:[Tt]he|and|is|of|with|that|which|[Aa]nswer)\b/;

/** Unicode blocks of the scripts most responses are in (letters, marks and digits of their own). */
const BLOCKS: Partial<Record<Script, string>> = {
  Cyrillic: "\\u0400-\\u052F",
  Greek: "\\u0370-\\u03FF\\u1F00-\\u1FFF",
  Hebrew: "\\u0590-\\u05FF\\uFB1D-\\uFB4F",
  Arabic: "\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF",
  Devanagari: "\\u0900-\\u097F\\uA8E0-\\uA8FF",
  Bengali: "\\u0980-\\u09FF",
  Tamil: "\\u0B80-\\u0BFF",
  Telugu: "\\u0C00-\\u0C7F",
  Thai: "\\u0E00-\\u0E7F",
  Hangul: "\\u1100-\\u11FF\\u3130-\\u318F\\uAC00-\\uD7AF",
  Han: "\\u2E80-\\u2FDF\\u3000-\\u30FF\\u31F0-\\u31FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF",
};
/** ASCII but its letters, Latin-1 punctuation and signs, general punctuation, math operators. */
const NEUTRAL = "\\x00-\\x40\\x5B-\\x60\\x7B-\\xBF\\xD7\\xF7\\u2000-\\u206F\\u2200-\\u22FF";
const ownOnly = new Map<Script, { other: RegExp; enough: RegExp } | null>();

/** Scans that tell, without counting, whether every letter of a text is in `script` (a script of BLOCKS). */
function ownOnlyScans(script: Script): { other: RegExp; enough: RegExp } | null {
  if (!ownOnly.has(script)) {
    const block = BLOCKS[script];
    ownOnly.set(
      script,
      block === undefined
        ? null
        : {
            other: new RegExp(`[^${NEUTRAL}${block}]`),
            enough: new RegExp(`(?:[^${block}]*[${block}]){${MIN_SHARE_LETTERS}}`),
          },
    );
  }
  return ownOnly.get(script) ?? null;
}

/** Latin tokens of one or two letters: variables and units (x, km) in answers written in another script. */
const SHORT_LATIN = /\b[A-Za-z]{1,2}\b/g;
const ASCII_LETTER = /[A-Za-z]/;

/** Any character beyond Latin letters, ASCII, general punctuation and math operators. */
const BEYOND_LATIN = /[^\x00-\u024F\u1E00-\u1EFF\u2000-\u206F\u2200-\u22FF]/;
const LATIN_LETTER_RUN = new RegExp(
  `(?:[^A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF]*[A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF]){${MIN_SHARE_LETTERS}}`,
);

/**
 * `scriptOnly`: measure by script alone, null where the script cannot tell the language (for a
 * response already known to be in another language, whose share only informs).
 */
export function measureLanguageShare(text: string, target: string, scriptOnly = false): LanguageShare | null {
  const want = normalizeLanguageTag(target);
  const script = scriptOfLanguage(want);
  const scriptTells = script !== "Latin" || want === PIVOT;
  const cleaned = withoutMarkup(text);
  const prose = script === "Latin" || !ASCII_LETTER.test(cleaned) ? cleaned : cleaned.replace(SHORT_LATIN, " ");
  // The common cases, found by native scans without counting: every letter is in the target's script
  // (a script of its own), or every letter is Latin.
  const own = scriptTells ? ownOnlyScans(script) : null;
  if (own !== null && !own.other.test(prose)) {
    return own.enough.test(prose) ? whole(want) : null;
  }
  if (!BEYOND_LATIN.test(prose)) {
    if (!LATIN_LETTER_RUN.test(prose)) return null;
    if (script !== "Latin")
      return {
        target: 0,
        parts: [
          { script: "Latn", share: 1 },
          { lang: want, share: 0 },
        ],
      };
    if (scriptOnly) return want === PIVOT ? whole(want) : null;
    if (want === PIVOT || !ENGLISH_MARKERS.test(prose)) return whole(want);
  }
  const { counts, total } = scriptLetters(prose);
  if (total < MIN_SHARE_LETTERS) return null;
  const share = counts[scriptSlot(script)]! / total;
  if (scriptTells) {
    // Other letters are named by language only where the share is below NAME_BELOW (by script above it).
    const named = !scriptOnly && share < NAME_BELOW;
    return named ? shareNamedByRuns(prose, want, counts, total) : shareByScript(counts, total, want, share);
  }
  if (scriptOnly) return null;
  if (share >= LATIN_SETTLES && !ENGLISH_MARKERS.test(prose)) return shareByScript(counts, total, want, share);
  const runs = lettersByRun(prose, want);
  if (runs === null || [...runs.values()].reduce((a, n) => a + n, 0) < MIN_SHARE_LETTERS) return null;
  return shareOf(runs, want);
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });
const scriptNames = new Intl.DisplayNames(["en"], { type: "script", fallback: "code" });

function lookUpLanguageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

// ICU's lookups cost ~1 µs each and the codes met are few: both are remembered.
export const languageName: (code: string) => string = boundedMemo(lookUpLanguageName);
const scriptName = boundedMemo((script) => `${scriptNames.of(script) ?? script} script`);

function partName(part: SharePart): string {
  return "lang" in part ? languageName(part.lang) : scriptName(part.script);
}

/** "62% Bangla, 38% English": what holds at least 5% of the letters, largest first. */
export function describeMix(parts: readonly SharePart[]): string {
  return parts
    .filter((p) => p.share >= MIN_NAMED_SHARE)
    .map((p) => `${Math.round(p.share * 100)}% ${partName(p)}`)
    .join(", ");
}
