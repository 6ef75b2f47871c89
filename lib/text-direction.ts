// Scripts written right to left, by BCP-47 primary language subtag.
const RTL_LANGUAGES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-Arab", "ps", "sd", "ug", "ur", "yi"]);
const RTL_SCRIPTS = new Set(["Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg"]);

export type TextDirection = "ltr" | "rtl";

export function directionOf(language: string): TextDirection {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(language);
  } catch {
    return "ltr";
  }
  if (locale.script) return RTL_SCRIPTS.has(locale.script) ? "rtl" : "ltr";
  return RTL_LANGUAGES.has(locale.language) ? "rtl" : "ltr";
}
