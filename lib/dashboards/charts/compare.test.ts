import { describe, expect, it } from "vitest";
import { changedPairViews, changesChart } from "./compare";

describe("compare preparers", () => {
  it("stacks changed over unchanged per language", () => {
    const m = changesChart("demo", [
      { language: "ar", total: 10, changed: 3 },
      { language: "de", total: 4, changed: 0 },
    ]);
    expect(m.rows.map((r) => [r.label, r.values, r.hrefs.changed])).toEqual([
      ["ar", { changed: 3, unchanged: 7 }, "/datasets/demo/pairs?lang=ar"],
      ["de", { changed: 0, unchanged: 4 }, "/datasets/demo/pairs?lang=de"],
    ]);
  });

  it("formats changed pairs for the table", () => {
    const views = changedPairViews("demo", [
      { groupId: 7, externalId: "q1", language: "de", aChosen: 1, aRejected: 2, aMargin: 0.5, bChosen: 2, bRejected: 1, bMargin: null },
      {
        groupId: 8,
        externalId: "q2",
        language: "zh",
        aChosen: null,
        aRejected: null,
        aMargin: null,
        bChosen: 3,
        bRejected: 4,
        bMargin: -0.0001,
      },
    ]);
    // Each view exactly: what names the pair, then its two runs' sides.
    expect(views.map(({ a: _a, b: _b, ...pair }) => pair)).toEqual([
      { key: "7/de", groupHref: "/datasets/demo/groups/7", externalId: "q1", language: "de" },
      { key: "8/zh", groupHref: "/datasets/demo/groups/8", externalId: "q2", language: "zh" },
    ]);
    expect(views.map(({ a, b }) => ({ a, b }))).toEqual([
      { a: { chosen: "#1", rejected: "#2", margin: "0.500" }, b: { chosen: "#2", rejected: "#1", margin: "—" } },
      { a: { chosen: "—", rejected: "—", margin: "—" }, b: { chosen: "#3", rejected: "#4", margin: "0.000" } },
    ]);
  });
});
