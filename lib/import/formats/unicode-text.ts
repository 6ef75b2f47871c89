import { joinPath } from "./messages";

/**
 * A string column value of a Parquet file whose bytes are not UTF-8. Kept in the record in place of
 * the text, so validation reports the row and column; serialises as the lossy decoding for rejects.
 */
export class NotUtf8Text {
  constructor(readonly lossy: string) {}

  toJSON(): string {
    return this.lossy;
  }
}

/** Where a parsed record holds text that is not Unicode, and why; `path` is the field (`responses.zh[2].note`). */
export interface BadText {
  path: string;
  message: string;
}

/** Index of the first UTF-16 code unit of `s` that is half of no surrogate pair, or −1. */
export function loneSurrogateIndex(s: string): number {
  if (s.isWellFormed()) return -1;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = s.charCodeAt(i + 1);
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    else return i;
  }
  return -1;
}

const hex = (unit: number) => `\\u${unit.toString(16).padStart(4, "0")}`;

function loneSurrogateMessage(s: string, index: number, where: "text" | "key"): string {
  // A position in code points, as an editor shows it; the escape as the file wrote it.
  const position = [...s.slice(0, index)].length + 1;
  return (
    `${where === "key" ? "field name" : "text"} holds a lone surrogate ${hex(s.charCodeAt(index))} at character ${position}: ` +
    "half of a UTF-16 pair is not Unicode text and cannot be stored (invalid UTF-8 is refused the same way)"
  );
}

/**
 * The first key or string of `value` (depth first, in order) that is not Unicode text: a lone
 * surrogate from a JSON escape such as `"\udfff"`, or a Parquet string whose bytes are not UTF-8.
 * Postgres stores neither, and turning them into U+FFFD would change the text without saying so.
 */
export function findBadText(value: unknown): BadText | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "string") {
      const index = loneSurrogateIndex(v);
      if (index >= 0) return { path: joinPath(path), message: loneSurrogateMessage(v, index, "text") };
    } else if (v instanceof NotUtf8Text) {
      return { path: joinPath(path), message: "text is not valid UTF-8" };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    } else if (typeof v === "object" && v !== null) {
      const keys = Object.keys(v);
      for (const key of keys) {
        const index = loneSurrogateIndex(key);
        if (index >= 0) return { path: joinPath(path), message: loneSurrogateMessage(key, index, "key") };
      }
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (v as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
    }
  }
  return null;
}
