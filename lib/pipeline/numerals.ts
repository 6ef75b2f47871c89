/**
 * Number reading for answer extraction: native digits, grouping and decimal
 * separators, signs and fractions, down to one canonical string per value.
 *
 * Separator rules (after native digits become ASCII):
 * - grouping: spaces (NBSP, narrow NBSP, thin space; a plain space only between a
 *   1–3 digit head and exact 3-digit groups, "1 234 567"), apostrophes (1'234), Arabic ٬;
 * - Arabic ٫ is always the decimal separator;
 * - "," and "." both present: the last one is the decimal separator ("1,234.5", "1.234,5");
 * - one kind repeated: grouping ("1,234,567", "1.234.567", lakh "1,00,000");
 * - a single ",": grouping when it is followed by exactly 3 digits and preceded by a
 *   1–3 digit head that is not "0" ("1,234" = 1234), else decimal comma ("3,5", "0,125");
 * - a single ".": decimal point, except in languages that group with dots (the `lang`
 *   hint: de, es, it, pt, nl, id, tr, …) where the 3-digit rule above makes it grouping
 *   ("1.500" = 1500 in German, 1.5 in English).
 * Values are exact rationals (BigInt); the canonical string is the shortest decimal
 * when one exists ("18.00" → "18", "3/4" → "0.75", "-0" → "0"), else "p/q" reduced ("2/6" → "1/3").
 */

const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0,
  0x1810, 0xff10,
];

const DOT_GROUPING_LANGS = new Set([
  "de",
  "es",
  "it",
  "pt",
  "nl",
  "id",
  "tr",
  "da",
  "nb",
  "nn",
  "no",
  "ro",
  "el",
  "vi",
  "hr",
  "sl",
  "sr",
  "bs",
  "ca",
  "gl",
  "is",
]);

const hex = (cp: number) => cp.toString(16).padStart(4, "0");
/** Every character normalizeNumerals changes (all in the BMP, so no `u` flag is needed). */
const NUMERAL_CHARS = new RegExp(
  `[${DIGIT_ZEROS.map((z) => `\\u${hex(z)}-\\u${hex(z + 9)}`).join("")}\\u2212\\uFF0D\\u2012\\uFE63\\uFF0E\\uFF0F]`,
  "g",
);

function asciiNumeral(ch: string): string {
  const cp = ch.charCodeAt(0);
  const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
  if (zero !== undefined) return String(cp - zero);
  return ch === "\uFF0E" ? "." : ch === "\uFF0F" ? "/" : "-";
}

/** Native digits → ASCII; minus variants → "-"; full-width "．" "／"; LaTeX "{,}" and "\," grouping. */
export function normalizeNumerals(text: string): string {
  let out = text.replace(NUMERAL_CHARS, asciiNumeral);
  if (out.includes("{,}")) out = out.replace(/\{,\}/g, ",");
  if (out.includes("\\")) out = out.replace(/(\d)\\[,;:](?=\d)/g, "$1\u2009");
  return out;
}

const SPACE_GROUPED = String.raw`\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?!\d)(?:[.,\u066B]\d+)?`;
const GENERAL = String.raw`\d+(?:[.,'\u066B\u066C]\d+)*`;
/** Matches on normalised text; group 1 sign, group 2 body, group 3 denominator. */
export const NUMBER_SOURCE = String.raw`(?<![\d.,])(-?)(${SPACE_GROUPED}|${GENERAL})(?:[ ]?\/[ ]?(\d+)(?![\d]|[.,]\d))?`;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Canonical string of num/den (den ≠ 0). */
export function canonicalRational(num: bigint, den: bigint): string {
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num < 0n ? -num : num, den);
  num /= g;
  den /= g;
  if (num === 0n) return "0";
  let rest = den;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
  while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
  if (rest !== 1n) return `${num}/${den}`;
  const places = Math.max(twos, fives);
  const scaled = (num * 10n ** BigInt(places)) / den;
  const sign = scaled < 0n ? "-" : "";
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(places + 1, "0");
  if (places === 0) return sign + digits;
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

function decimalIndex(groups: string[], seps: string[], lang: string | undefined): number {
  const arabicDecimal = seps.indexOf("\u066B");
  if (arabicDecimal >= 0) return arabicDecimal;
  const commas = seps.filter((s) => s === ",").length;
  const dots = seps.filter((s) => s === ".").length;
  const last = seps.length - 1;
  if (commas > 0 && dots > 0) {
    const kind = seps[last];
    return (kind === "," ? commas : dots) === 1 ? last : -1;
  }
  if (commas + dots !== 1) return -1;
  const at = seps.findIndex((s) => s === "," || s === ".");
  const head = groups[at] ?? "";
  const next = groups[at + 1] ?? "";
  const groupingShape = at === 0 && next.length === 3 && head.length <= 3 && head !== "0";
  if (seps[at] === ",") return groupingShape ? -1 : at;
  const dotGroups = lang !== undefined && DOT_GROUPING_LANGS.has(primarySubtag(lang));
  return dotGroups && groupingShape ? -1 : at;
}

function primarySubtag(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? "";
}

/** Exact value of a number body such as "1,234.5" as num / 10^scale. */
function parseBody(body: string, lang: string | undefined): { num: bigint; scale: number } {
  const groups = body.split(/[^\d]/);
  const seps = body.replace(/\d+/g, "").split("");
  const dec = decimalIndex(groups, seps, lang);
  const intPart = groups.slice(0, dec < 0 ? groups.length : dec + 1).join("");
  const fracPart = dec < 0 ? "" : groups.slice(dec + 1).join("");
  return { num: BigInt(intPart + fracPart), scale: fracPart.length };
}

export interface NumberMatch {
  value: string;
  start: number;
  end: number;
}

function charBefore(text: string, index: number): string {
  return index > 0 ? text.slice(index - 1, index) : "";
}

/** Canonical value of one NUMBER_SOURCE match. */
export function readNumberMatch(m: RegExpExecArray, lang?: string): string {
  const [, signText = "", body = "", denText] = m;
  const negative = signText === "-" && !/[\p{L}\p{N})\]]/u.test(charBefore(m.input, m.index));
  const { num, scale } = parseBody(body, lang);
  let den = 10n ** BigInt(scale);
  if (denText !== undefined && BigInt(denText) !== 0n) den *= BigInt(denText);
  return canonicalRational(negative ? -num : num, den);
}

/** All numbers in already-normalised text, in order. */
export function findNumbers(normalized: string, lang?: string): NumberMatch[] {
  const re = new RegExp(NUMBER_SOURCE, "gu");
  const out: NumberMatch[] = [];
  for (let m = re.exec(normalized); m !== null; m = re.exec(normalized)) {
    out.push({ value: readNumberMatch(m, lang), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
