import { describe, expect, it } from "vitest";
import { directionOf } from "./text-direction";

describe("directionOf", () => {
  it.each([
    ["ar", "rtl"],
    ["ar-EG", "rtl"],
    ["he", "rtl"],
    ["fa", "rtl"],
    ["ur", "rtl"],
    ["en", "ltr"],
    ["zh", "ltr"],
    ["sw", "ltr"],
    ["hi", "ltr"],
    ["az-Arab", "rtl"],
    ["uz-Latn", "ltr"],
    ["not a tag", "ltr"],
  ])("%s is %s", (lang, dir) => {
    expect(directionOf(lang)).toBe(dir);
  });
});
