import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PairMargin } from "./pair-margin";
import { ScoreLegend } from "./score-legend";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");

describe("PairMargin", () => {
  it("shows a score pair's margin as a number and a guard pair's as 'guard' with the reason, never the negative difference", () => {
    expect(renderToStaticMarkup(createElement(PairMargin, { margin: 0.25, basis: "score" }))).toBe("0.250");
    expect(renderToStaticMarkup(createElement(PairMargin, { margin: null, basis: null }))).toBe("–");
    const guard = renderToStaticMarkup(createElement(PairMargin, { margin: -0.123, basis: "language_guard" }));
    expect(text(guard)).toBe("guard (rejected off-target or mixed)");
    expect(guard).toContain(
      'title="the rejected response is in another language or mixed-language, so it loses whatever the scores (no margin filter); score difference -0.123"',
    );
    expect(text(renderToStaticMarkup(createElement(PairMargin, { margin: -0.123, basis: "language_guard", long: true })))).toBe(
      "guard: the rejected response is in another language or mixed-language, so it loses whatever the scores (no margin filter)",
    );
  });
});

describe("ScoreLegend", () => {
  it("explains CL, Cons, margin and guard in one line each for a known scorer, and nothing for another", () => {
    const html = renderToStaticMarkup(createElement(ScoreLegend, { scorer: "answer" }));
    expect([...html.matchAll(/<dt[^>]*>([^<]*)<\/dt>/g)].map((m) => m[1])).toEqual(["answer scorer", "CL", "Cons", "margin", "guard"]);
    expect(text(html)).toContain("0.99 when the response's answer equals the English reference's");
    expect(renderToStaticMarkup(createElement(ScoreLegend, { scorer: "gold" }))).toBe("");
  });
});
