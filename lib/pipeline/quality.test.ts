import { describe, expect, it } from "vitest";
import { answerQualityByLanguage, answerQualityOverall } from "./quality";

const records = [
  { lang: "de", chosenAnswer: "18", rejectedAnswer: "20", gold: "18" },
  { lang: "de", chosenAnswer: "18.0", rejectedAnswer: "18", gold: "18" },
  { lang: "de", chosenAnswer: "20", rejectedAnswer: null, gold: "18" },
  { lang: "sw", chosenAnswer: "1,234", rejectedAnswer: "5", gold: "1234" },
  { lang: "sw", chosenAnswer: "7", rejectedAnswer: "8", gold: null },
  { lang: "ar", chosenAnswer: "7", rejectedAnswer: "8", gold: " " },
];

describe("answer quality", () => {
  it("aggregates per language over pairs with a gold answer", () => {
    expect(answerQualityByLanguage(records)).toEqual([
      { lang: "ar", pairs: 1, withGold: 0, chosenCorrect: 0, rejectedWrong: 0, chosenCorrectShare: null, rejectedWrongShare: null },
      { lang: "de", pairs: 3, withGold: 3, chosenCorrect: 2, rejectedWrong: 2, chosenCorrectShare: 2 / 3, rejectedWrongShare: 2 / 3 },
      { lang: "sw", pairs: 2, withGold: 1, chosenCorrect: 1, rejectedWrong: 1, chosenCorrectShare: 1, rejectedWrongShare: 1 },
    ]);
  });

  it("aggregates over all languages", () => {
    expect(answerQualityOverall(records)).toEqual({
      lang: "all",
      pairs: 6,
      withGold: 4,
      chosenCorrect: 3,
      rejectedWrong: 3,
      chosenCorrectShare: 0.75,
      rejectedWrongShare: 0.75,
    });
  });
});
