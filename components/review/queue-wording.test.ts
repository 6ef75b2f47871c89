import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countdownText, diffLanguage, undoneText, votedText } from "./queue-wording";

describe("undoneText", () => {
  const pair = { externalId: "q12", language: "de" };
  it("says whose decision was undone, what it was, and on which pair", () => {
    expect(undoneText({ action: "accept", author: "Rita" }, pair, true)).toBe("Undid your accept of pair q12 (de)");
    expect(undoneText({ action: "choose", author: "Rita" }, pair, false)).toBe("Undid Rita's choice of responses of pair q12 (de)");
    expect(undoneText({ action: "reject", author: null }, pair, false)).toBe("Undid an anonymous reviewer's reject of pair q12 (de)");
  });
});

describe("countdownText", () => {
  it("shows minutes and seconds, hours when there are some, rounding up and never below zero", () => {
    expect(countdownText(600_000)).toBe("10:00");
    expect(countdownText(65_001)).toBe("1:06");
    expect(countdownText(5_000)).toBe("0:05");
    expect(countdownText(3_723_000)).toBe("1:02:03");
    expect(countdownText(-4_000)).toBe("0:00");
  });
  it("reads back to the whole seconds it was given", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 * 3600 }), (s) => {
        const parts = countdownText(s * 1000)
          .split(":")
          .map(Number);
        expect(parts.reduce((acc, n) => acc * 60 + n, 0)).toBe(s);
      }),
    );
  });
});

describe("votedText", () => {
  it("names the vote, the pair and where its consensus stands", () => {
    expect(votedText("a", { id: 7, lang: "ar" }, { votes: 1, consensus: "pending" }, 2)).toBe(
      "You preferred A on pair 7 (ar): 1 of 2 votes, consensus pending.",
    );
    expect(votedText("both_bad", { id: 7, lang: "ar" }, { votes: 2, consensus: "disputed" }, 2)).toBe(
      "You marked both bad on pair 7 (ar): 2 of 2 votes, consensus disputed.",
    );
  });
});

describe("diffLanguage", () => {
  it("diffs two texts in the same language, the pair's when a text's language was not detected", () => {
    expect(diffLanguage("ar", "ar", "ar")).toEqual({ lang: "ar" });
    expect(diffLanguage(null, "th", "th")).toEqual({ lang: "th" });
    expect(diffLanguage(null, null, "zh")).toEqual({ lang: "zh" });
  });
  it("says why there is no diff between texts in different languages", () => {
    expect(diffLanguage("en", "ar", "ar")).toEqual({
      why: "Diff offered only between texts in the same language: the chosen response is in English, the rejected one in Arabic.",
    });
    expect(diffLanguage("th", null, "en")).toHaveProperty("why");
    expect(diffLanguage("en", "hi", "hi", ["response B", "response A"])).toEqual({
      why: "Diff offered only between texts in the same language: response B is in English, response A in Hindi.",
    });
  });
});
