/** Number rendering in a language's conventions (digits, decimal mark, grouping). */

export type DigitSet = "latin" | "arabic" | "devanagari" | "fullwidth";

export interface NumberStyle {
  digits: DigitSet;
  dec: string;
  /** Thousands separator; "" = no grouping. */
  group: string;
}

const DIGIT_ZERO: Record<Exclude<DigitSet, "latin">, number> = {
  arabic: 0x0660,
  devanagari: 0x0966,
  fullwidth: 0xff10,
};

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Canonical form used for `gold`: dot decimal, no grouping, at most two decimals. */
export function canonical(n: number): string {
  return String(round2(n));
}

export function formatNumber(n: number, style: NumberStyle): string {
  if (style.digits === "latin" && Number.isInteger(n) && n >= 0 && (n < 1000 || style.group === "")) return String(n);
  const cents = Math.round(Math.abs(n) * 100);
  const frac = cents % 100;
  let int = String((cents - frac) / 100);
  if (style.group !== "" && int.length > 3) {
    let grouped = "";
    for (let end = int.length; end > 0; end -= 3) {
      const part = int.slice(Math.max(0, end - 3), end);
      grouped = grouped === "" ? part : part + style.group + grouped;
    }
    int = grouped;
  }
  let out = n < 0 ? "-" + int : int;
  if (frac !== 0) out += style.dec + (frac % 10 === 0 ? String(frac / 10) : String(frac).padStart(2, "0"));
  return style.digits === "latin" ? out : toDigits(out, style.digits);
}

function toDigits(s: string, digits: Exclude<DigitSet, "latin">): string {
  const zero = DIGIT_ZERO[digits];
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 48 && c <= 57 ? String.fromCharCode(zero + c - 48) : s[i];
  }
  return out;
}
