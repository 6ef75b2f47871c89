import { describe, expect, it } from "vitest";
import { directionOf } from "./text-direction";

describe("directionOf", () => {
  it.each(["ar", "ar-EG", "he", "fa", "ur", "az-Arab"])("%s is rtl", (lang) => {
    expect(directionOf(lang)).toBe("rtl");
  });

  it.each(["en", "zh", "sw", "hi", "uz-Latn", "not a tag"])("%s is ltr", (lang) => {
    expect(directionOf(lang)).toBe("ltr");
  });
});
