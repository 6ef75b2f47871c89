/**
 * The writing system a text is mostly in. Surface scorers (chrF, hashed character n-grams) find
 * nothing in common between texts in two scripts, so their scores cannot rank such candidates.
 * Chinese and Japanese count as one script (they share Han).
 */
const SCRIPTS = [
  "Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Hebrew", "Arabic", "Thaana", "Devanagari", "Bengali",
  "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Thai", "Lao", "Tibetan",
  "Myanmar", "Khmer", "Ethiopic", "Hangul", "Han", "Hiragana", "Katakana",
] as const;
export type Script = (typeof SCRIPTS)[number];

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
