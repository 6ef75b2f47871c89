import { describe, expect, it } from "vitest";
import { dominantScript, majorityScript } from "./script";

describe("dominantScript", () => {
  it("names the script of each language's text", () => {
    expect(dominantScript("Photosynthesis turns light into sugar.")).toBe("Latin");
    expect(dominantScript("Die Photosynthese wandelt Licht in Zucker um.")).toBe("Latin");
    expect(dominantScript("Фотосинтез превращает свет в сахар.")).toBe("Cyrillic");
    expect(dominantScript("البناء الضوئي يحول الضوء إلى سكر.")).toBe("Arabic");
    expect(dominantScript("प्रकाश संश्लेषण प्रकाश को शर्करा में बदलता है।")).toBe("Devanagari");
    expect(dominantScript("光合作用把光变成糖。")).toBe("Han");
    expect(dominantScript("光合成は光を糖に変えます。")).toBe("Han");
    expect(dominantScript("광합성은 빛을 당으로 바꾼다.")).toBe("Hangul");
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
