import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { findBadText, loneSurrogateIndex, NotUtf8Text } from "./unicode-text";

const wellFormed = fc.string({ unit: "grapheme", maxLength: 40 });
const high = fc.integer({ min: 0xd800, max: 0xdbff }).map((u) => String.fromCharCode(u));
const low = fc.integer({ min: 0xdc00, max: 0xdfff }).map((u) => String.fromCharCode(u));

describe("loneSurrogateIndex", () => {
  it("finds nothing in well-formed text, pairs included", () => {
    fc.assert(fc.property(wellFormed, (s) => loneSurrogateIndex(s) === -1));
    expect(loneSurrogateIndex("a😀b")).toBe(-1);
  });

  it("finds a lone high or low surrogate exactly where it was put", () => {
    // A high surrogate followed by a code unit that is not a low one, or a low one after text, stays alone.
    fc.assert(
      fc.property(wellFormed, fc.oneof(high, low), wellFormed, (before, unit, after) => {
        const rest = unit <= "\udbff" ? `x${after}` : after;
        return loneSurrogateIndex(before + unit + rest) === before.length;
      }),
    );
    expect(loneSurrogateIndex("\udc00\ud800")).toBe(0);
    expect(loneSurrogateIndex("😀\ud83d")).toBe(2);
  });
});

describe("findBadText", () => {
  it("walks keys, strings, arrays and Parquet values in order and names the field", () => {
    expect(findBadText({ a: ["ok", { b: 1 }], c: "fine" })).toBeNull();
    expect(findBadText({ a: ["ok", { "b c": "\udfff" }], d: "\ud800" })?.path).toBe('a[1]["b c"]');
    expect(findBadText({ response: new NotUtf8Text("j\ufffda") })).toEqual({ path: "response", message: "text is not valid UTF-8" });
    expect(findBadText("\ud800")?.path).toBe("");
  });
});
