import { describe, expect, it } from "vitest";
import { qualityCharts, runLabel, type QualityRow } from "./quality";

const row = (runId: number, language: string, chosenCorrect: number, rejectedWrong: number, cfg: Partial<QualityRow> = {}): QualityRow => ({
  runId, language, chosenCorrect, rejectedWrong, judged: 4, reference: "consistency", pairs: "consistency", scorer: "answer", ...cfg,
});

describe("quality preparer", () => {
  it("labels the method and its baselines", () => {
    expect(runLabel({ runId: 3, reference: "consistency", pairs: "consistency", scorer: "answer" })).toBe("#3 consistency · answer");
    expect(runLabel({ runId: 4, reference: "first", pairs: "consistency", scorer: "lexical" })).toBe("#4 baseline: first reference · lexical");
    expect(runLabel({ runId: 5, reference: "consistency", pairs: "random", scorer: null })).toBe("#5 baseline: random pairs");
  });

  it("puts every run side by side per language, in percent", () => {
    const [chosen, rejected] = qualityCharts("demo", [
      row(1, "de", 0.75, 1),
      row(1, "zh", 0.5, 0.25),
      row(2, "de", 0.25, 0.5, { reference: "random" }),
      row(2, "zh", 0, 0, { judged: 0 }),
    ]);
    expect(chosen!.series.map((s) => [s.key, s.name])).toEqual([["run1", "#1 consistency · answer"], ["run2", "#2 baseline: random reference · answer"]]);
    expect(chosen!.rows.map((r) => [r.label, r.values])).toEqual([["de", { run1: 75, run2: 25 }], ["zh", { run1: 50, run2: 0 }]]);
    expect(rejected!.rows.map((r) => [r.label, r.values])).toEqual([["de", { run1: 100, run2: 50 }], ["zh", { run1: 25, run2: 0 }]]);
    expect(chosen!.rows[0]!.hrefs.run2).toBe("/datasets/demo/pairs?lang=de");
  });

  it("is empty when no run judged a gold answer", () => {
    expect(qualityCharts("demo", [row(1, "de", 0, 0, { judged: 0 })])).toEqual([]);
  });
});
