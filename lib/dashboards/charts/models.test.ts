import { describe, expect, it } from "vitest";
import { modelUsageCharts, modelUsageTable } from "./models";

const rows = [
  { model: "m-a", lang: "de", responses: 4, chosen: 2, rejected: 1, offTarget: 1, mixed: 0 },
  { model: "m-a", lang: "sw", responses: 3, chosen: 0, rejected: 3, offTarget: 0, mixed: 0 },
  { model: null, lang: "de", responses: 8, chosen: 1, rejected: 0, offTarget: 0, mixed: 2 },
];

describe("model usage preparers", () => {
  it("one chart per language, a bar group per model, shares of its responses", () => {
    const [de, sw] = modelUsageCharts("demo", { id: 7, number: 3 }, rows);
    expect(de!.title).toBe("Run 3 · de · responses by model");
    expect(de!.rows.map((r) => [r.label, r.values])).toEqual([
      ["m-a", { chosen: 50, rejected: 25, offTarget: 25, mixed: 0 }],
      ["(no model)", { chosen: 12.5, rejected: 0, offTarget: 0, mixed: 25 }],
    ]);
    expect(sw!.rows.map((r) => r.values)).toEqual([{ chosen: 0, rejected: 100, offTarget: 0, mixed: 0 }]);
    expect(de!.rows[0]!.hrefs.chosen).toBe("/datasets/demo/pairs?lang=de");
  });

  it("tables counts with their shares", () => {
    expect(modelUsageTable(rows)[2]).toEqual({
      key: "\u0000de",
      model: "(no model)",
      lang: "de",
      responses: 8,
      chosen: "1 (12.5%)",
      rejected: "0 (0.0%)",
      offTarget: "0 (0.0%)",
      mixed: "2 (25.0%)",
    });
  });
});
