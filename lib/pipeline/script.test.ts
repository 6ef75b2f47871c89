import { describe, expect, it } from "vitest";
import { dominantScript, majorityScript } from "./script";

describe("dominantScript", () => {
  it.each([
    ["Latin", ["Photosynthesis turns light into sugar.", "Die Photosynthese wandelt Licht in Zucker um."]],
    ["Cyrillic", ["Фотосинтез превращает свет в сахар."]],
    ["Arabic", ["البناء الضوئي يحول الضوء إلى سكر."]],
    ["Devanagari", ["प्रकाश संश्लेषण प्रकाश को शर्करा में बदलता है।"]],
    ["Han", ["光合作用把光变成糖。", "光合成は光を糖に変えます。"]],
    ["Hangul", ["광합성은 빛을 당으로 바꾼다."]],
  ])("names %s for each language's text in it", (script, texts) => {
    for (const text of texts) expect(dominantScript(text), text).toBe(script);
  });

  it("goes by most letters, ignores digits and symbols, and is null without letters", () => {
    expect(dominantScript("答案是 x = 42，因为 6 × 7 = 42。")).toBe("Han");
    expect(dominantScript("print(x) — 这是一个非常简单的函数")).toBe("Han");
    expect(dominantScript("42 + 7 = 49 (§ 3)")).toBeNull();
    expect(dominantScript("")).toBeNull();
  });

  it("reads only the start of long texts", () => {
    expect(dominantScript(`${"a".repeat(120)}${"б".repeat(500)}`)).toBe("Latin");
  });
});

describe("majorityScript", () => {
  it("takes the script most texts are in, skipping texts without letters", () => {
    expect(majorityScript(["مرحبا بالعالم", "The answer is 4.", "الجواب هو ٤", "42"])).toBe("Arabic");
    expect(majorityScript(["42", "7"])).toBeNull();
  });
});
