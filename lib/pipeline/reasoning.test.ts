import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerText, hasReasoning, splitReasoning } from "./reasoning";

describe("splitReasoning", () => {
  it("removes a closed trace and keeps what is around it", () => {
    expect(splitReasoning("<think>so 6 + 12</think>\n\nThe answer is 18.")).toEqual({ start: 0, end: 24, answer: "\n\nThe answer is 18." });
    expect(splitReasoning("Sure. <think>hmm</think> 18")).toEqual({ start: 6, end: 24, answer: "Sure.  18" });
  });

  it("reads a closing tag without an opening one as a trace from the start (R1 chat templates)", () => {
    expect(splitReasoning("Okay, let me see. 6 + 12 = 18.\n</think>\n\n**18**")).toEqual({ start: 0, end: 39, answer: "\n\n**18**" });
  });

  it("runs a trace left open to the end", () => {
    expect(splitReasoning("Die Antwort ist 18. <think>wait, maybe")).toEqual({ start: 20, end: 38, answer: "Die Antwort ist 18. " });
  });

  it("leaves a text without tags as it is", () => {
    expect(splitReasoning("18")).toEqual({ start: 0, end: 0, answer: "18" });
    expect(hasReasoning("18 <thinking>")).toBe(false);
  });

  it("keeps everything when the run keeps the reasoning", () => {
    expect(answerText("a</think>b", true)).toBe("a</think>b");
    expect(answerText("a</think>b")).toBe("b");
  });

  it("answer = text without text[start, end) for any text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("<think>", "</think>", "x", " 18 ", "\n")).map((p) => p.join("")),
        (text) => {
          const { start, end, answer } = splitReasoning(text);
          expect(answer).toBe(text.slice(0, start) + text.slice(end));
          expect(answer.includes("</think>")).toBe(false);
        },
      ),
    );
  });
});
