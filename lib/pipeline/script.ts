/**
 * The writing system a text is mostly in. Surface scorers (chrF, hashed character n-grams) find
 * nothing in common between texts in two scripts, so their scores cannot rank such candidates.
 * Chinese and Japanese count as one script (they share Han).
 */
export const SCRIPTS = [
  "Latin",
  "Cyrillic",
  "Greek",
  "Armenian",
  "Georgian",
  "Hebrew",
  "Arabic",
  "Thaana",
  "Devanagari",
  "Bengali",
  "Gurmukhi",
  "Gujarati",
  "Oriya",
  "Tamil",
  "Telugu",
  "Kannada",
  "Malayalam",
  "Sinhala",
  "Thai",
  "Lao",
  "Tibetan",
  "Myanmar",
  "Khmer",
  "Ethiopic",
  "Hangul",
  "Han",
  "Hiragana",
  "Katakana",
] as const;
export type Script = (typeof SCRIPTS)[number];

/** ISO 15924 codes (kana are counted as Han, so they never appear in counts of their own). */
export const SCRIPT_CODES: Readonly<Record<Script, string>> = {
  Latin: "Latn",
  Cyrillic: "Cyrl",
  Greek: "Grek",
  Armenian: "Armn",
  Georgian: "Geor",
  Hebrew: "Hebr",
  Arabic: "Arab",
  Thaana: "Thaa",
  Devanagari: "Deva",
  Bengali: "Beng",
  Gurmukhi: "Guru",
  Gujarati: "Gujr",
  Oriya: "Orya",
  Tamil: "Taml",
  Telugu: "Telu",
  Kannada: "Knda",
  Malayalam: "Mlym",
  Sinhala: "Sinh",
  Thai: "Thai",
  Lao: "Laoo",
  Tibetan: "Tibt",
  Myanmar: "Mymr",
  Khmer: "Khmr",
  Ethiopic: "Ethi",
  Hangul: "Hang",
  Han: "Hani",
  Hiragana: "Hira",
  Katakana: "Kana",
};

const HAN = SCRIPTS.indexOf("Han");
const COUNTED_AS = SCRIPTS.map((s) => (s === "Hiragana" || s === "Katakana" ? HAN : SCRIPTS.indexOf(s)));
const IS_SCRIPT = SCRIPTS.map((s) => new RegExp(`^\\p{Script=${s}}$`, "u"));
/** Letters enough to tell a script; more would only cost time. */
const SAMPLE_CHARS = 120;

// Script of each BMP code unit, looked up once with V8's Unicode data: 0 = not looked up yet,
// NO_SCRIPT = none of SCRIPTS (digits, punctuation, symbols, surrogates), else index + 1.
const NO_SCRIPT = 255;
const scriptOfUnit = new Uint8Array(0x10000);

function scriptIndex(unit: number): number {
  let v = scriptOfUnit[unit]!;
  if (v === 0) {
    const ch = String.fromCharCode(unit);
    const i = IS_SCRIPT.findIndex((re) => re.test(ch));
    v = i < 0 ? NO_SCRIPT : COUNTED_AS[i]! + 1;
    scriptOfUnit[unit] = v;
  }
  return v;
}

/** The script most of the letters of the text's first SAMPLE_CHARS characters are in, or null without letters. */
export function dominantScript(text: string): Script | null {
  const counts = new Uint16Array(SCRIPTS.length);
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const v = scriptIndex(text.charCodeAt(i));
    if (v !== NO_SCRIPT) counts[v - 1]!++;
  }
  return mostCounted(counts);
}

/** Letters of the whole text by script (kana counted as Han): `counts[i]` for SCRIPTS[i], and their sum. */
export function scriptLetters(text: string): { counts: Uint32Array; total: number } {
  // One slot per table value: 0 (not looked up yet) never stays, NO_SCRIPT collects the rest.
  const byValue = new Uint32Array(256);
  const table = scriptOfUnit;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const v = table[unit]!;
    byValue[v === 0 ? scriptIndex(unit) : v]!++;
  }
  const counts = byValue.subarray(1, SCRIPTS.length + 1);
  let total = 0;
  for (const n of counts) total += n;
  return { counts, total };
}

export function scriptSlot(script: Script): number {
  return COUNTED_AS[SCRIPTS.indexOf(script)]!;
}

/** The script most of the texts are in, or null when none has letters. */
export function majorityScript(texts: readonly string[]): Script | null {
  const counts = new Uint16Array(SCRIPTS.length);
  for (const text of texts) {
    const script = dominantScript(text);
    if (script !== null) counts[SCRIPTS.indexOf(script)]!++;
  }
  return mostCounted(counts);
}

/** Ties → the script listed first. */
function mostCounted(counts: Uint16Array): Script | null {
  let best = -1;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0 && (best < 0 || counts[i]! > counts[best]!)) best = i;
  return best < 0 ? null : SCRIPTS[best]!;
}

/** The script a language is written in (its usual one); Latin for any language not listed. */
const LANGUAGE_SCRIPTS: Readonly<Record<string, Script>> = {
  ar: "Arabic",
  fa: "Arabic",
  ur: "Arabic",
  ps: "Arabic",
  he: "Hebrew",
  yi: "Hebrew",
  ru: "Cyrillic",
  uk: "Cyrillic",
  bg: "Cyrillic",
  be: "Cyrillic",
  sr: "Cyrillic",
  mk: "Cyrillic",
  kk: "Cyrillic",
  el: "Greek",
  hy: "Armenian",
  ka: "Georgian",
  hi: "Devanagari",
  mr: "Devanagari",
  ne: "Devanagari",
  bn: "Bengali",
  as: "Bengali",
  pa: "Gurmukhi",
  gu: "Gujarati",
  or: "Oriya",
  ta: "Tamil",
  te: "Telugu",
  kn: "Kannada",
  ml: "Malayalam",
  si: "Sinhala",
  th: "Thai",
  lo: "Lao",
  bo: "Tibetan",
  my: "Myanmar",
  km: "Khmer",
  am: "Ethiopic",
  ko: "Hangul",
  zh: "Han",
  ja: "Han",
  yue: "Han",
};

export function scriptOfLanguage(code: string): Script {
  return LANGUAGE_SCRIPTS[code] ?? "Latin";
}
