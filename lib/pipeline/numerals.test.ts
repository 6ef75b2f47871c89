import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeNumerals } from "./numerals";

/** The definition, one code point at a time. */
function reference(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const zero = [
      0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040,
      0x17e0, 0x1810, 0xff10,
    ].find((z) => cp >= z && cp <= z + 9);
    if (zero !== undefined) out += String(cp - zero);
    else if ("\u2212\uFF0D\u2012\uFE63".includes(ch)) out += "-";
    else if (ch === "\uFF0E") out += ".";
    else if (ch === "\uFF0F") out += "/";
    else out += ch;
  }
  return out.replace(/\{,\}/g, ",").replace(/(\d)\\[,;:](?=\d)/g, "$1\u2009");
}

describe("normalizeNumerals", () => {
  const NORMALISED = {
    "٣٤٫٥ − ٢": "34٫5 - 2",
    "１２．５／３": "12.5/3",
    "१२३ and ๔๒": "123 and 42",
    "1{,}234 and 5\\,678": "1,234 and 5\u2009678",
  };
  it.each(Object.entries(NORMALISED))("maps native digits, minus variants and full-width signs: %s → %s", (text, normalized) => {
    expect(normalizeNumerals(text)).toBe(normalized);
  });

  it("equals the code-point-at-a-time definition on any text", () => {
    const special = fc.constantFrom(..."٠٩۵߀९০੯૫୦௯౫೦൯๐໙༣၉២᠑０９\u2212\uFF0D\u2012\uFE63\uFF0E\uFF0F{,}\\,;:7 a😀");
    const text = fc.array(fc.oneof(special, fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 30 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, (t) => normalizeNumerals(t) === reference(t)),
      { numRuns: 2000 },
    );
    // 2,000 runs take 3–7 s on a loaded 2-core machine: the default 5 s timeout made it flaky.
  }, 20_000);
});
