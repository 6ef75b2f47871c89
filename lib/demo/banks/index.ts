import { ar } from "./lang-ar";
import { de } from "./lang-de";
import { en } from "./lang-en";
import { es } from "./lang-es";
import { fr } from "./lang-fr";
import { hi } from "./lang-hi";
import { ja } from "./lang-ja";
import { ru } from "./lang-ru";
import { sw } from "./lang-sw";
import { zh } from "./lang-zh";
import type { LanguageBank } from "./types";

export const BANKS: Readonly<Record<string, LanguageBank>> = { en, de, zh, ar, hi, sw, fr, es, ru, ja };

/** Languages with a native bank. */
export const BANK_LANGUAGES = Object.keys(BANKS);

/**
 * Languages without a bank reuse the closest one (same family, region or script); anything
 * else falls back to English. Their text is the fallback bank's language, so a language
 * detector will flag it: acceptable for load tests, not for a demo.
 */
export const FALLBACK: Readonly<Record<string, string>> = {
  pt: "es", it: "es", ca: "es", gl: "es", ro: "fr",
  nl: "de", af: "de", sv: "de", da: "de", no: "de", nb: "de", lb: "de",
  uk: "ru", be: "ru", bg: "ru", kk: "ru", sr: "ru", mk: "ru",
  yue: "zh", ko: "ja",
  fa: "ar", ur: "ar", ps: "ar", he: "ar",
  mr: "hi", ne: "hi", bn: "hi", pa: "hi", gu: "hi",
  zu: "sw", xh: "sw", yo: "sw", ig: "sw", ha: "sw", am: "sw", rw: "sw", lg: "sw",
};

export function bankFor(code: string): LanguageBank {
  const lower = code.toLowerCase();
  const base = lower.split(/[-_]/)[0] ?? lower;
  return BANKS[lower] ?? BANKS[base] ?? BANKS[FALLBACK[base] ?? "en"] ?? en;
}

export type { LanguageBank } from "./types";
