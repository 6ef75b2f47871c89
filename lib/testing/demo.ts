/** Test-only helpers: an independent final-answer reader for generated math responses. */

const NATIVE_ZEROS = [0x0660, 0x06f0, 0x0966, 0xff10];

function latinDigits(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const zero = NATIVE_ZEROS.find((z) => c >= z && c <= z + 9);
    out += zero === undefined ? ch : String(c - zero);
  }
  return out;
}

/**
 * Last number on the last line that has a digit. Values carry at most two decimals, so a
 * separator followed by exactly three digits groups thousands and any other one is decimal.
 */
export function finalAnswer(text: string): number | null {
  const lines = latinDigits(text)
    .split("\n")
    .filter((l) => /\d/.test(l));
  const last = lines[lines.length - 1];
  const token = last?.match(/\d[\d.,٫٬\u00a0\u202f]*/g)?.pop();
  if (!token) return null;
  const parts = token.replace(/[.,٫٬\u00a0\u202f]+$/, "").split(/[.,٫٬\u00a0\u202f]/);
  const tail = parts[parts.length - 1] ?? "";
  if (parts.length > 1 && tail.length <= 2) return Number(`${parts.slice(0, -1).join("")}.${tail}`);
  return Number(parts.join(""));
}

/** Most frequent value (ties: the one seen first), ignoring nulls. */
export function plurality(values: Array<number | null>): number | null {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount) [best, bestCount] = [v, c];
  }
  return best;
}

/** True when `value` is more frequent than every other value. */
export function isStrictPlurality(values: Array<number | null>, value: number): boolean {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  const mine = counts.get(value) ?? 0;
  for (const [v, c] of counts) if (v !== value && c >= mine) return false;
  return mine > 0;
}
