import { describe, expect, it } from "vitest";
import { comparedRuns, comparisonCharts, comparisonMarkdown, comparisonTable, qualityCharts, runLabel, type QualityRow } from "./quality";

const row = (runId: number, language: string, chosenCorrect: number, rejectedWrong: number, cfg: Partial<QualityRow> = {}): QualityRow => ({
  runId,
  language,
  chosenCorrect,
  rejectedWrong,
  judged: 4,
  reference: "consistency",
  pairs: "consistency",
  scorer: "answer",
  chosenOnTarget: null,
  goldGroups: 0,
  oracle: null,
  randomOnTarget: null,
  ...cfg,
});

describe("quality preparer", () => {
  it("labels the method and its baselines", () => {
    expect(runLabel({ runId: 3, reference: "consistency", pairs: "consistency", scorer: "answer" })).toBe("#3 consistency · answer");
    expect(runLabel({ runId: 4, reference: "first", pairs: "consistency", scorer: "lexical" })).toBe(
      "#4 baseline: first reference · lexical",
    );
    expect(runLabel({ runId: 5, reference: "consistency", pairs: "random", scorer: null })).toBe("#5 baseline: random pairs");
    expect(runLabel({ runId: 6, reference: "gold", pairs: "consistency", scorer: "answer" })).toBe(
      "#6 upper bound: gold reference · answer",
    );
  });

  it("puts every run side by side per language, in percent", () => {
    const [chosen, rejected] = qualityCharts("demo", [
      row(1, "de", 0.75, 1),
      row(1, "zh", 0.5, 0.25),
      row(2, "de", 0.25, 0.5, { reference: "random" }),
      row(2, "zh", 0, 0, { judged: 0 }),
    ]);
    expect(chosen!.series.map((s) => [s.key, s.name])).toEqual([
      ["run1", "#1 consistency · answer"],
      ["run2", "#2 baseline: random reference · answer"],
    ]);
    expect(chosen!.rows.map((r) => [r.label, r.values])).toEqual([
      ["de", { run1: 75, run2: 25 }],
      ["zh", { run1: 50, run2: 0 }],
    ]);
    expect(rejected!.rows.map((r) => [r.label, r.values])).toEqual([
      ["de", { run1: 100, run2: 50 }],
      ["zh", { run1: 25, run2: 0 }],
    ]);
    expect(chosen!.rows[0]!.hrefs.run2).toBe("/datasets/demo/pairs?lang=de");
  });

  it("is empty when no run judged a gold answer", () => {
    expect(qualityCharts("demo", [row(1, "de", 0, 0, { judged: 0 })])).toEqual([]);
  });

  // Runs 1 and 4 are both the method: the newer one is compared. Run 3 is an old run without on-target figures.
  const bounds = { goldGroups: 10, oracle: 0.9, randomOnTarget: 0.55 };
  const compared = [
    row(1, "de", 0.5, 0.5, { chosenOnTarget: 1, ...bounds }),
    row(2, "de", 0.6, 0.7, { reference: "first", chosenOnTarget: 0.9, ...bounds }),
    row(3, "de", 0.4, 0.25, { pairs: "random" }),
    row(4, "de", 0.75, 0.5, { chosenOnTarget: 1, ...bounds }),
    row(5, "de", 0.875, 0.625, { reference: "gold", judged: 8, chosenOnTarget: 1, ...bounds }),
    row(5, "sw", 0, 0, { reference: "gold", judged: 0, chosenOnTarget: 0.5, goldGroups: 0 }),
  ];

  it("compares the newest run of each kind: method, baselines, gold", () => {
    expect(comparedRuns(compared).map((r) => r.runId)).toEqual([4, 2, 3, 5]);
    const [chosen, rejected, onTarget] = comparisonCharts("demo", compared);
    expect(chosen!.series.map((s) => s.key)).toEqual(["run2", "run3", "run4", "run5", "oracle", "randomOnTarget"]);
    expect(chosen!.rows.map((r) => [r.label, r.values])).toEqual([
      ["de", { run2: 60, run3: 40, run4: 75, run5: 87.5, oracle: 90, randomOnTarget: 55 }],
    ]);
    expect(rejected!.rows.map((r) => r.values)).toEqual([{ run2: 70, run3: 25, run4: 50, run5: 62.5 }]);
    expect(onTarget!.rows.map((r) => [r.label, r.values])).toEqual([
      ["de", { run2: 90, run4: 100, run5: 100 }],
      ["sw", { run2: 0, run4: 0, run5: 50 }],
    ]);
  });

  it("tables the comparison per language with the bounds under the runs", () => {
    expect(comparisonTable(compared)[1]).toEqual({
      language: "sw",
      lines: [
        { label: "#5 upper bound: gold reference · answer", judged: "0", chosenCorrect: "–", rejectedWrong: "–", chosenOnTarget: "50.0%" },
        { label: "oracle: some on-target response correct", judged: "–", chosenCorrect: "–", rejectedWrong: "", chosenOnTarget: "" },
        { label: "random on-target pick (expected)", judged: "–", chosenCorrect: "–", rejectedWrong: "", chosenOnTarget: "" },
      ],
    });
    expect(comparisonMarkdown(compared.filter((r) => r.language === "de"))).toBe(
      [
        "### de",
        "",
        "| selection | judged | chosen correct | rejected wrong | chosen on-target |",
        "| --- | ---: | ---: | ---: | ---: |",
        "| #4 consistency · answer | 4 | 75.0% | 50.0% | 100.0% |",
        "| #2 baseline: first reference · answer | 4 | 60.0% | 70.0% | 90.0% |",
        "| #3 baseline: random pairs · answer | 4 | 40.0% | 25.0% | – |",
        "| #5 upper bound: gold reference · answer | 8 | 87.5% | 62.5% | 100.0% |",
        "| oracle: some on-target response correct | 10 groups | 90.0% |  |  |",
        "| random on-target pick (expected) | 10 groups | 55.0% |  |  |",
      ].join("\n"),
    );
  });
});
