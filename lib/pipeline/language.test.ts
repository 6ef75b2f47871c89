import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectLanguage, isDetectable, isOffTarget, SUPPORTED_LANGUAGES, textForDetection } from "./language";
import { normalizeLanguageTag, sameLanguage } from "./language-codes";
import { LANGUAGE_SAMPLES } from "./language-samples.test-data";

describe("detectLanguage on real sentences", () => {
  it("has samples for every supported language and nothing else", () => {
    expect(Object.keys(LANGUAGE_SAMPLES).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  const rows = Object.entries(LANGUAGE_SAMPLES).flatMap(([lang, texts]) => texts.map((text) => ({ lang, text })));
  it.each(rows)("$lang: $text", ({ lang, text }) => {
    expect(detectLanguage(text)).toBe(lang);
    expect(detectLanguage(text, lang)).toBe(lang);
  });

  it("detects the demo languages with any of the others as hint", () => {
    for (const lang of ["en", "de", "zh", "ar", "hi", "sw"]) {
      for (const hint of ["en", "de", "zh", "ar", "hi", "sw", "yo"]) {
        expect(detectLanguage(LANGUAGE_SAMPLES[lang]?.[0] ?? "", hint)).toBe(lang);
      }
    }
  });
});

describe("detectLanguage: what is stripped and when it abstains", () => {
  it("abstains on short or letter-free text", () => {
    expect(detectLanguage("")).toBeNull();
    expect(detectLanguage("18")).toBeNull();
    expect(detectLanguage("Jibu ni 18.")).toBeNull();
    expect(detectLanguage("答案是42。")).toBeNull();
    expect(detectLanguage("$$3 \\times 6 = 18$$")).toBeNull();
  });

  it("ignores code, URLs, LaTeX and digits", () => {
    expect(textForDetection("See https://example.com/x and `code()` then \\frac{1}{2} = 0.5!")).toBe("See and then");
    const swahili = "```python\nprint('hello world, this is English code')\n```\nKwa hiyo jibu ni matufaha kumi na nane.";
    expect(detectLanguage(swahili)).toBe("sw");
  });

  it("names English written where Swahili or German was asked for", () => {
    const english = "The answer is 18 because three boxes of six apples make eighteen apples.";
    expect(detectLanguage(english, "sw")).toBe("en");
    expect(detectLanguage(english, "de")).toBe("en");
  });

  it("knows a hinted language outside the supported list", () => {
    expect(isDetectable("yo")).toBe(true);
    expect(isDetectable("xx")).toBe(false);
  });
});

describe("detectLanguage: the start of the text", () => {
  const chinese = LANGUAGE_SAMPLES.zh![0]!.repeat(3);
  const japanese = LANGUAGE_SAMPLES.ja![0]!.repeat(3);

  it("reads Chinese and Korean asked for as such", () => {
    expect(detectLanguage(chinese, "zh")).toBe("zh");
    expect(detectLanguage(LANGUAGE_SAMPLES.ko![0]!.repeat(3), "ko")).toBe("ko");
  });

  it("does not read Japanese as Chinese, even when nearly all its letters are Han", () => {
    expect(detectLanguage(japanese, "zh")).toBe("ja");
    const kanjiHeavy = "国立国会図書館東京本館所蔵資料閲覧申請手続概要説明書の作成担当部署一覧表及び関連規程集改訂履歴。".repeat(3);
    expect(detectLanguage(kanjiHeavy, "zh")).toBe("ja");
  });

  it("lets the start of the text decide", () => {
    const german = "Die Antwort ist achtzehn, weil drei Kisten mit je sechs Äpfeln achtzehn Äpfel ergeben. ";
    const english = "The rest of this answer is written in English and explains the arithmetic step by step. ".repeat(4);
    expect(detectLanguage(german.repeat(3) + english, "de")).toBe("de");
    expect(detectLanguage(german + english, "de")).toBe("en");
    expect(detectLanguage(german + english)).toBe("en");
  });
});

describe("textForDetection", () => {
  const reference = (text: string) =>
    text
      .replace(/```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`/g, " ")
      .replace(/\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gu, " ")
      .replace(/\\[A-Za-z]+/g, " ")
      .replace(/[^\p{L}\p{M}\s'’]/gu, " ")
      .replace(/\s+/gu, " ")
      .trim();

  it("strips e-mail addresses", () => {
    expect(textForDetection("Write to ada.l@example.org today")).toBe("Write to today");
  });

  it("gives what one combined URL-or-e-mail pattern gives, with or without an @", () => {
    const piece = fc.constantFrom("a", "é", "光", " ", "@", ".", "http://", "www.", "x.y", "`", "\\beta", "\n", "7");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((p) => p.join("")),
        (text) => textForDetection(text) === reference(text),
      ),
    );
  });
});

describe("language codes", () => {
  const NORMALISED = { "zh-Hant-TW": "zh", cmn: "zh", EN_us: "en", swh: "sw", no: "nb", iw: "he" };
  it.each(Object.entries(NORMALISED))("normalises the tag or alias %s to %s", (tag, code) => {
    expect(normalizeLanguageTag(tag)).toBe(code);
  });

  // Variants and indistinguishable neighbours are the same language; other languages are not.
  it.each(Object.entries({ zh: "zh-CN", "zh-TW": "yue", nb: "no", nn: "da", ms: "id" }))("sameLanguage(%s, %s) is true", (a, b) => {
    expect(sameLanguage(a, b)).toBe(true);
  });
  it.each(Object.entries({ en: "de", hi: "ur" }))("sameLanguage(%s, %s) is false", (a, b) => {
    expect(sameLanguage(a, b)).toBe(false);
  });
});

describe("isOffTarget", () => {
  it("is true only for a known detection of another language", () => {
    expect(isOffTarget({ detectedLang: "en" }, "sw")).toBe(true);
    expect(isOffTarget({ detectedLang: "sw" }, "sw")).toBe(false);
    expect(isOffTarget({ detectedLang: "zh" }, "zh-Hans")).toBe(false);
    expect(isOffTarget({ detectedLang: "nb" }, "da")).toBe(false);
    expect(isOffTarget({ detectedLang: null }, "sw")).toBe(false);
    expect(isOffTarget({ detectedLang: "en" }, "xx-unknown")).toBe(false);
  });
});
