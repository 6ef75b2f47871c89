import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersEqual, canonicalAnswer, extractAnswer } from "./answer";

const cases = (rows: ReadonlyArray<readonly [string, string | null, string?]>) =>
  it.each(rows.map(([text, expected, lang]) => ({ text, expected, lang })))("$text → $expected", ({ text, expected, lang }) => {
    expect(extractAnswer(text, lang)).toBe(expected);
  });

describe("extractAnswer: markers", () => {
  cases([
    ["Janet has 16 eggs, eats 3, bakes 4: 16 - 3 - 4 = 9. At $2 each: 9 × 2 = 18. The answer is 18.", "18"],
    ["So the answer is 3 × 6 = 18. Then we check 2 + 2 = 4.", "18"],
    ["Answer: 42 apples (from 6 boxes of 7)", "42"],
    ["**Final Answer**\n\n42", "42"],
    ["Answer:\n\n**42**", "42"],
    ["The final answer is $\\boxed{18}$.", "18"],
    ["First 3 + 4 = 7, so \\boxed{7}. Double-check: 7 is right, 2 more steps.", "7"],
    ["Steps: 1, 2, 3\n#### 1,234", "1234"],
    ["Die Antwort ist 3,5.", "3.5"],
    ["Die Antwort lautet: 1.500 Euro.", "1500", "de"],
    ["Réponse : 0,125", "0.125"],
    ["La respuesta es -5.", "-5"],
    ["A resposta é 12.", "12"],
    ["La risposta è 7.", "7"],
    ["Kwa hiyo, jibu ni 18.", "18"],
    ["Jibu: 18 matufaha", "18"],
    ["Jawabannya adalah 25.", "25"],
    ["Ответ: 18", "18"],
    ["Đáp án là 9.", "9"],
    ["答案是１８。", "18"],
    ["最终答案：共有18个苹果。", "18"],
    ["所以，答：36。", "36"],
    ["答えは42です。", "42"],
    ["정답은 15입니다.", "15"],
    ["الإجابة هي ١٨", "18"],
    ["إذن الجواب: ٣٫٥", "3.5"],
    ["पहले 3 सेब, फिर उत्तर १८ है।", "18"],
    ["উত্তর: ১৮", "18"],
    ["คำตอบคือ ๑๘", "18"],
    ["پاسخ ۴۲ است.", "42"],
    ["సమాధానం: 27", "27"],
  ]);
});

describe("extractAnswer: last number when no marker applies", () => {
  cases([
    ["He buys 3 packs of 6, so he has 18 apples.", "18"],
    ["Temperature went from 5 to −3", "-3"],
    ["उत्तर देने के लिए हमें 3 सेब चाहिए, फिर 5 और, कुल 8", "8"],
    ["The answer is eighteen, since 3 × 6 = 18", "18"],
    ["No numbers here.", null],
    ["", null],
  ]);
});

describe("extractAnswer: number formats", () => {
  cases([
    ["It costs $1,234.50", "1234.5"],
    ["It costs 1.234,50 €", "1234.5"],
    ["Total: 1.234.567", "1234567"],
    ["Total 1 234 apples", "1234"],
    ["Total 1\u00A0234\u00A0567,5", "1234567.5"],
    ["Total 1\u202F234", "1234"],
    ["Total 1'234", "1234"],
    ["Total ١٬٢٣٤ تفاحة", "1234"],
    ["1,00,000 rupees", "100000"],
    ["It is 3,5 kg", "3.5"],
    ["It is 0,125 kg", "0.125"],
    ["It is 12345,678 kg", "12345.678"],
    ["The answer is 1.500", "1.5"],
    ["Er zahlt 1.500 Euro.", "1500", "de"],
    ["Er zahlt 1.5 Euro.", "1.5", "de"],
    ["The answer is 18.00", "18"],
    ["The answer is 18.0", "18"],
    ["The answer is 007", "7"],
    ["The answer is -0", "0"],
    ["x = −7", "-7"],
    ["x = －7", "-7"],
    ["3/4 of the cake", "0.75"],
    ["The answer is 2/6.", "1/3"],
    ["\\boxed{\\frac{3}{4}}", "0.75"],
    ["\\boxed{\\dfrac{10}{4}}", "2.5"],
    ["\\boxed{1{,}234}", "1234"],
    ["\\boxed{1\\,234}", "1234"],
    ["\\boxed{B}", "b"],
    ["The answer is 16-3 = 13", "13"],
    ["Result: 5-3", "3"],
  ]);
});

describe("extractAnswer: native digits", () => {
  cases([
    ["Arabic-Indic ٤٢", "42"],
    ["Persian ۴۲", "42"],
    ["Devanagari ४२", "42"],
    ["Bengali ৪২", "42"],
    ["Thai ๔๒", "42"],
    ["Full-width ４２", "42"],
    ["Full-width ３．５", "3.5"],
    ["Mixed ٤2", "42"],
  ]);
});

describe("canonicalAnswer and answersEqual", () => {
  it.each([
    ["18", "18"],
    ["$18.00", "18"],
    ["1,234", "1234"],
    ["18%", "18"],
    ["\\frac{1}{2}", "0.5"],
    ["**42**", "42"],
    ["B", "b"],
    ["  Eighteen  Apples ", "eighteen apples"],
    ["0.50", "0.5"],
    ["2/6", "1/3"],
    ["١٨", "18"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalAnswer(input)).toBe(expected);
  });

  // Compares canonically; null never matches.
  it.each([
    ["18", "18.0", true],
    ["18.00", "$18", true],
    ["0.5", "1/2", true],
    ["3/4", "0.75", true],
    ["1/3", "0.333", false],
    ["18", "19", false],
    [null, "18", false],
    [null, null, false],
  ])("answersEqual(%s, %s) is %s", (a, b, equal) => {
    expect(answersEqual(a, b)).toBe(equal);
  });

  it("extracts the same answer from equivalent writings", () => {
    const writings = ["The answer is 1,234.", "答案是１２３４。", "الإجابة هي ١٬٢٣٤", "Jibu ni 1,234.", "Ответ: 1 234"];
    const answers = writings.map((w) => extractAnswer(w));
    expect(new Set(answers)).toEqual(new Set(["1234"]));
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const once = canonicalAnswer(s);
        expect(canonicalAnswer(once)).toBe(once);
      }),
    );
  });

  it("reads any integer or decimal written plainly back to its canonical value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (n, places) => {
        const written = (n / 10 ** places).toFixed(places);
        expect(extractAnswer(`The answer is ${written}.`)).toBe(String(Number(written)));
      }),
    );
  });

  it("reads thousands-grouped integers in every grouping style", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), (n) => {
        const en = n.toLocaleString("en-US");
        const de = n.toLocaleString("de-DE");
        expect(extractAnswer(`Answer: ${en}`)).toBe(String(n));
        expect(extractAnswer(`Antwort: ${de}`, "de")).toBe(String(n));
        expect(extractAnswer(`Answer: ${en.replace(/,/g, "\u00A0")}`)).toBe(String(n));
      }),
    );
  });
});
