/** Language-code tables shared by the detector and the guard. */

import { boundedMemo } from "./bounded-memo";

/** ISO 639-3 (franc) → BCP-47 primary subtag. */
export const FRANC_TO_BCP47: Readonly<Record<string, string>> = {
  afr: "af",
  amh: "am",
  arb: "ar",
  azj: "az",
  bel: "be",
  ben: "bn",
  bos: "bs",
  bul: "bg",
  cat: "ca",
  ces: "cs",
  ckb: "ckb",
  cmn: "zh",
  dan: "da",
  deu: "de",
  ekk: "et",
  ell: "el",
  eng: "en",
  epo: "eo",
  fin: "fi",
  fra: "fr",
  glg: "gl",
  guj: "gu",
  hau: "ha",
  heb: "he",
  hin: "hi",
  hrv: "hr",
  hun: "hu",
  hye: "hy",
  ibo: "ig",
  ind: "id",
  ita: "it",
  jpn: "ja",
  kan: "kn",
  kat: "ka",
  kaz: "kk",
  khm: "km",
  kin: "rw",
  kor: "ko",
  lao: "lo",
  lit: "lt",
  lvs: "lv",
  mal: "ml",
  mar: "mr",
  mkd: "mk",
  mya: "my",
  nld: "nl",
  nno: "nn",
  nob: "nb",
  npi: "ne",
  nya: "ny",
  pan: "pa",
  pes: "fa",
  pol: "pl",
  por: "pt",
  ron: "ro",
  run: "rn",
  rus: "ru",
  sin: "si",
  slk: "sk",
  slv: "sl",
  sna: "sn",
  som: "so",
  spa: "es",
  srp: "sr",
  swe: "sv",
  swh: "sw",
  tam: "ta",
  tel: "te",
  tgl: "tl",
  tha: "th",
  tur: "tr",
  ukr: "uk",
  urd: "ur",
  uzn: "uz",
  vie: "vi",
  xho: "xh",
  yor: "yo",
  zlm: "ms",
  zul: "zu",
};

/** The 60 languages eld 2.1 knows (its codes; "no" = Norwegian). */
export const ELD_LANGUAGES: ReadonlySet<string> = new Set(
  (
    "am ar az be bg bn ca cs da de el en es et eu fa fi fr gu he hi hr hu hy is it ja ka kn ko ku lo lt lv ml mr ms " +
    "nl no or pa pl pt ro ru sk sl sq sr sv ta te th tl tr uk ur vi yo zh"
  ).split(" "),
);

const ALIASES: Readonly<Record<string, string>> = {
  ...FRANC_TO_BCP47,
  zho: "zh",
  chi: "zh",
  ara: "ar",
  fas: "fa",
  per: "fa",
  prs: "fa",
  swa: "sw",
  msa: "ms",
  may: "ms",
  zsm: "ms",
  nor: "nb",
  no: "nb",
  fil: "tl",
  iw: "he",
  in: "id",
  ji: "yi",
  ger: "de",
  fre: "fr",
};

/** Groups whose written forms detectors cannot reliably tell apart; the guard treats them as one. */
const CLUSTERS: readonly (readonly string[])[] = [
  ["nb", "nn", "da"],
  ["id", "ms"],
  ["hr", "bs", "sr"],
  ["zh", "yue"],
];

// Called several times per response with the few tags of a dataset and a detector's codes: remembered.
/** Lower-cased primary subtag with legacy and ISO 639-3 aliases resolved: "zh-Hant-TW" → "zh", "cmn" → "zh", "no" → "nb". */
export const normalizeLanguageTag: (tag: string) => string = boundedMemo((tag) => {
  const primary = (tag.trim().toLowerCase().split(/[-_]/)[0] ?? "").trim();
  return ALIASES[primary] ?? primary;
});

export function sameLanguage(a: string, b: string): boolean {
  const x = normalizeLanguageTag(a);
  const y = normalizeLanguageTag(b);
  if (x === y) return true;
  return CLUSTERS.some((cluster) => cluster.includes(x) && cluster.includes(y));
}

const BCP47_TO_FRANC: ReadonlyMap<string, string> = new Map(Object.entries(FRANC_TO_BCP47).map(([k, v]) => [v, k]));

export function francCodeOf(bcp47: string): string | undefined {
  return BCP47_TO_FRANC.get(normalizeLanguageTag(bcp47));
}

export function eldCodeOf(bcp47: string): string | undefined {
  const code = normalizeLanguageTag(bcp47);
  const eldCode = code === "nb" ? "no" : code;
  return ELD_LANGUAGES.has(eldCode) ? eldCode : undefined;
}

export function fromEldCode(code: string): string {
  return code === "no" ? "nb" : code;
}
