import ar from "./ar.json" with { type: "json" };
import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };
import es from "./es.json" with { type: "json" };
import fr from "./fr.json" with { type: "json" };
import hi from "./hi.json" with { type: "json" };
import ja from "./ja.json" with { type: "json" };
import ru from "./ru.json" with { type: "json" };
import sw from "./sw.json" with { type: "json" };
import zh from "./zh.json" with { type: "json" };
import { loadBank } from "./load-bank";
import type { LanguageBank } from "./types";

const english = loadBank("en", en);

/** Loaded (and validated) once, at import: a bad bank file fails here, naming the file and field. */
export const BANKS: Readonly<Record<string, LanguageBank>> = {
  en: english,
  ...Object.fromEntries(Object.entries({ de, zh, ar, hi, sw, fr, es, ru, ja }).map(([code, data]) => [code, loadBank(code, data)])),
};

/** Languages with a native bank. */
export const BANK_LANGUAGES = Object.keys(BANKS);

/**
 * Languages without a bank reuse the closest one (same family, region or script); anything
 * else falls back to English. Their text is the fallback bank's language, so a language
 * detector will flag it: acceptable for load tests, not for a demo.
 */
export const FALLBACK: Readonly<Record<string, string>> = {
  pt: "es",
  it: "es",
  ca: "es",
  gl: "es",
  ro: "fr",
  nl: "de",
  af: "de",
  sv: "de",
  da: "de",
  no: "de",
  nb: "de",
  lb: "de",
  uk: "ru",
  be: "ru",
  bg: "ru",
  kk: "ru",
  sr: "ru",
  mk: "ru",
  yue: "zh",
  ko: "ja",
  fa: "ar",
  ur: "ar",
  ps: "ar",
  he: "ar",
  mr: "hi",
  ne: "hi",
  bn: "hi",
  pa: "hi",
  gu: "hi",
  zu: "sw",
  xh: "sw",
  yo: "sw",
  ig: "sw",
  ha: "sw",
  am: "sw",
  rw: "sw",
  lg: "sw",
};

export function bankFor(code: string): LanguageBank {
  const lower = code.toLowerCase();
  const base = lower.split(/[-_]/)[0] ?? lower;
  return BANKS[lower] ?? BANKS[base] ?? BANKS[FALLBACK[base] ?? "en"] ?? english;
}

export type { LanguageBank } from "./types";
