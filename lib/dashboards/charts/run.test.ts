import { describe, expect, it } from "vitest";
import { runCharts, skipReasonChart, skipReasons } from "./run";

/** Global id 7, the second run of its dataset: ids use the one, titles the other. */
const RUN = { id: 7, number: 2 };

const DATA = {
  margins: [
    { language: "de", bucket: 3, n: 4 },
    { language: "de", bucket: null, n: 2 },
    { language: "zh", bucket: 0, n: 1 },
  ],
  chosenScores: [{ language: "de", bucket: 10, n: 4 }],
  rejectedScores: [{ language: "de", bucket: 2, n: 4 }],
  skips: [
    { language: "de", reason: "below_margin", n: 1 },
    { language: "de", reason: "too_few_candidates", n: 1 },
    { language: "zh", reason: "below_margin", n: 3 },
    { language: "zh", reason: "zz_custom", n: 2 },
  ],
};

describe("run page preparers", () => {
  it("skip reasons keep the pipeline's order, unknown ones last", () => {
    expect(skipReasons(DATA.skips)).toEqual(["too_few_candidates", "below_margin", "zz_custom"]);
  });

  it("skipped proposals per language stacked by reason, linking to the language's skipped pairs", () => {
    const m = skipReasonChart("demo", RUN, DATA.skips, true);
    expect(m.id).toBe("run-7-skips");
    expect(m.series.map((s) => [s.key, s.name, s.stack])).toEqual([
      ["too_few_candidates", "too few candidates", "reason"],
      ["below_margin", "below margin", "reason"],
      ["zz_custom", "zz custom", "reason"],
    ]);
    expect(m.rows.map((r) => [r.label, r.values])).toEqual([
      ["de", { too_few_candidates: 1, below_margin: 1, zz_custom: 0 }],
      ["zh", { too_few_candidates: 0, below_margin: 3, zz_custom: 2 }],
    ]);
    expect(m.rows[1]!.hrefs.below_margin).toBe("/datasets/demo/pairs?lang=zh&status=skipped");
    expect(m.rows[1]!.names.below_margin).toBe("Run 2 · Skipped pairs by reason · zh · below margin: 3");
    expect(skipReasonChart("demo", RUN, DATA.skips, false).rows.every((r) => Object.keys(r.hrefs).length === 0)).toBe(true);
  });

  it("margin and score histograms per language, named for the run; linked only when asked", () => {
    const linked = runCharts("demo", RUN, DATA, true);
    expect(linked.margins.map((c) => [c.id, c.title])).toEqual([
      ["run-7-margin-de", "Run 2 · Margin de"],
      ["run-7-margin-zh", "Run 2 · Margin zh"],
    ]);
    expect(linked.margins[0]!.rows.map((r) => r.values.pairs)).toEqual([0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(linked.margins[1]!.rows.map((r) => r.values.pairs)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(linked.margins[0]!.rows[3]!.hrefs.pairs).toBe("/datasets/demo/pairs?lang=de&minMargin=0.2&maxMargin=0.29999999999999993");
    expect(linked.margins[0]!.rows[3]!.names.pairs).toBe("Run 2 · Margin de · 0.2–0.3 · pairs: 4");
    expect(linked.scores.map((c) => c.id)).toEqual(["run-7-scores-de"]);
    expect(linked.scores[0]!.rows.map((r) => r.values.chosen)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
    expect(linked.scores[0]!.rows.map((r) => r.values.rejected)).toEqual([0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0]);
    const plain = runCharts("demo", RUN, DATA, false);
    expect([...plain.margins, ...plain.scores, plain.skips!].flatMap((c) => c.rows).every((r) => Object.keys(r.hrefs).length === 0)).toBe(
      true,
    );
    expect(runCharts("demo", RUN, { ...DATA, skips: [] }, true).skips).toBeNull();
  });
});
