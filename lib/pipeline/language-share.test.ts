import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cld2Detect } from "./cld2";
import { describeMix, measureLanguageShare } from "./language-share";

const BENGALI = "জোশ একটি বাড়ি ফ্লিপ করার সিদ্ধান্ত নিয়েছেন। তিনি একটি বাড়ি ক্রয় করলেন এবং মেরামত করলেন। ";
const ENGLISH = "Then he computed the total profit, which is the new value of the house minus the cost of the house and the repairs. ";
const FRENCH =
  "Si Lily s'est fait 50 amies, et que Amy s'est fait 20 amies de plus que Lily, alors Amy s'est fait 50 + 20 = 70 amies.\n\n" +
  "Pour calculer le total d'amies qu'ont Lily et Amy ensemble, on additionne le nombre d'amies de Lily et le nombre d'amies d'Amy :\n\n" +
  "50 (amies de Lily) + 70 (amies d'Amy) = 120 amies en tout.\n\nDonc, Lily et Amy ont en tout 120 amies.";

describe("measureLanguageShare", () => {
  it("counts letters by script where the script tells the language (digits, LaTeX commands, variables never count)", () => {
    expect(measureLanguageShare(`${"กขคง".repeat(10)} x = 18 \\frac{1}{2} km`, "th")).toEqual({
      target: 1,
      parts: [{ lang: "th", share: 1 }],
    });
    // 40 Thai letters and the 5 of "total".
    const share = measureLanguageShare(`${"กขคง".repeat(10)} total x = 18`, "th")!;
    expect(share.target).toBe(40 / 45);
    expect(describeMix(share.parts)).toMatch(/^89% Thai, 11% /);
  });

  it("counts another script in the mix, and settles a text written wholly in its script at once", () => {
    const share = measureLanguageShare(`${"กขคง".repeat(10)} ${"你好".repeat(5)}`, "th")!;
    expect(share.target).toBe(0.8);
    // Named by script at and above 80% (not mixed by default), by language below.
    expect(describeMix(share.parts)).toBe("80% Thai, 20% Han script");
    const mixed = measureLanguageShare(`${"กขคง".repeat(10)} ${"你好".repeat(10)}`, "th")!;
    expect(mixed.target).toBe(2 / 3);
    expect(describeMix(mixed.parts)).toBe("67% Thai, 33% Chinese");
    expect(measureLanguageShare("答案是十八，因为三乘以六等于十八。三乘六得十八。", "zh")).toEqual({
      target: 1,
      parts: [{ lang: "zh", share: 1 }],
    });
    expect(measureLanguageShare("Three bags of six apples each make eighteen apples.", "bn")?.target).toBe(0);
  });

  it("reads the whole text: a Bengali answer that switches to English is mixed and says so", () => {
    const share = measureLanguageShare(BENGALI + ENGLISH.repeat(3), "bn")!;
    expect(share.target).toBeGreaterThan(0.15);
    expect(share.target).toBeLessThan(0.6);
    expect(share.parts.map((p) => ("lang" in p ? p.lang : p.script))).toEqual(["en", "bn"]);
    expect(describeMix(share.parts)).toMatch(/^\d+% English, \d+% Bangla$/);
  });

  it("counts a Bengali start CLD2 leaves out (too short to name): the share is by script", () => {
    const bengali = "তিন ব্যাগে ছয়টি করে আপেল আছে। ";
    const english = "Each bag holds six apples, so three bags hold three times six apples, which makes eighteen apples in total.";
    const share = measureLanguageShare(bengali + english, "bn")!;
    const b = bengali.match(/\p{Script=Bengali}/gu)!.length; // vowel signs count, the danda (Common script) does not
    const e = english.match(/\b[A-Za-z]{3,}\b/g)!.join("").length; // "so" and "in" are left out with the variables
    expect(share.target).toBeCloseTo(b / (b + e), 9);
    expect(describeMix(share.parts)).toBe("77% English, 23% Bangla");
  });

  it("sees English sentences around native variable names, which CLD2 reads as Bengali", () => {
    const text =
      "**Solution:**\n\nLet's denote:\n- আমার টাকা = $8\n- তোমার টাকা = ?\n\nAccording to the problem, তোমার টাকা = 2 × আমার টাকা + 2\n\n" +
      "Plugging in the values: তোমার টাকা = 2 × 8 + 2 = 18";
    expect(cld2Detect(text).languages[0]?.code).toBe("bn");
    const share = measureLanguageShare(text, "bn")!;
    expect(share.target).toBeLessThan(0.5);
    expect(describeMix(share.parts)).toMatch(/English/);
  });

  it("does not take French for English where CLD2 alone would (a second detector confirms English runs)", () => {
    expect(measureLanguageShare(FRENCH, "fr")?.target).toBe(1);
    expect(measureLanguageShare(`${FRENCH}\n\n${ENGLISH.repeat(4)}`, "fr")!.target).toBeLessThan(0.8);
  });

  it("is null on text with too few letters to tell", () => {
    expect(measureLanguageShare("18 + 20 = 38", "de")).toBeNull();
    expect(measureLanguageShare("", "zh")).toBeNull();
  });

  it("gives a share in [0, 1] and parts that add up to 1", () => {
    const pieces = fc.constantFrom(BENGALI, ENGLISH, FRENCH, "你好，世界。", "12 + 7 = 19", "\\times ", "```x = 1```");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), fc.constantFrom("bn", "en", "fr", "zh"), (parts, lang) => {
        const share = measureLanguageShare(parts.join(" "), lang);
        if (share === null) return;
        expect(share.target).toBeGreaterThanOrEqual(0);
        expect(share.target).toBeLessThanOrEqual(1);
        expect(share.parts.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 9);
      }),
      { numRuns: 60 },
    );
  });
});
