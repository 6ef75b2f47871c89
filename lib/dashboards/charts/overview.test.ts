import { describe, expect, it } from "vitest";
import { TENTH_LABELS } from "@/lib/testing/chart-buckets";
import { consChart, countTiles, lengthChart, marginCharts, offTargetChart, scoreCharts, statusChart, type PairCountRow } from "./overview";

const PAIRS: PairCountRow[] = [
  { language: "de", status: "proposed", origin: "auto", n: 5 },
  { language: "de", status: "accepted", origin: "human", n: 2 },
  { language: "ar", status: "skipped", origin: "auto", n: 1 },
  { language: "ar", status: "proposed", origin: "auto", n: 3 },
];

describe("overview preparers", () => {
  it("counts tiles sum pairs by status and origin, with links", () => {
    expect(countTiles("demo", { groups: 4, responses: 30, languages: 3 }, PAIRS)).toEqual([
      { label: "Prompt groups", value: 4 },
      { label: "Languages", value: 3 },
      { label: "Responses", value: 30 },
      { label: "Pairs", value: 10 },
      { label: "Pairs proposed", value: 8, href: "/datasets/demo/pairs?status=proposed" },
      { label: "Pairs accepted", value: 2, href: "/datasets/demo/pairs?status=accepted" },
      { label: "Pairs rejected", value: 0, href: "/datasets/demo/pairs?status=rejected" },
      { label: "Pairs by the method", value: 8, href: "/datasets/demo/pairs?origin=auto" },
      { label: "Pairs by a reviewer", value: 2, href: "/datasets/demo/pairs?origin=human" },
      { label: "Skipped (no pair made)", value: 1, href: "/datasets/demo/pairs?status=skipped" },
    ]);
  });

  it("stacks statuses per language, each segment linking to its filter", () => {
    const m = statusChart("demo", PAIRS);
    expect(m.series.map((s) => [s.key, s.stack])).toEqual([
      ["proposed", "status"],
      ["accepted", "status"],
      ["rejected", "status"],
      ["skipped", "status"],
    ]);
    expect(m.rows.map((r) => [r.label, r.values])).toEqual([
      ["ar", { proposed: 3, accepted: 0, rejected: 0, skipped: 1 }],
      ["de", { proposed: 5, accepted: 2, rejected: 0, skipped: 0 }],
    ]);
    expect(m.rows[0]!.hrefs.skipped).toBe("/datasets/demo/pairs?lang=ar&status=skipped");
    expect(m.rows[1]!.names.accepted).toBe("Effective pairs by status · de · accepted: 2");
  });

  it("margin histograms: exact buckets per language and links with inclusive bounds", () => {
    const charts = marginCharts("demo", [
      { language: "de", bucket: 0, n: 1 },
      { language: "de", bucket: 3, n: 4 },
      { language: "de", bucket: 10, n: 2 },
      { language: "de", bucket: null, n: 3 },
      { language: "zh", bucket: 1, n: 7 },
    ]);
    expect(charts.map((c) => c.id)).toEqual(["margin-de", "margin-zh"]);
    expect(charts[0]!.rows.map((r) => r.values.pairs)).toEqual([1, 0, 0, 4, 0, 0, 0, 0, 0, 0, 2, 3]);
    expect(charts[1]!.rows.map((r) => r.values.pairs)).toEqual([0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(charts[0]!.rows.map((r) => r.hrefs.pairs)).toEqual([
      "/datasets/demo/pairs?lang=de&maxMargin=-5e-324",
      "/datasets/demo/pairs?lang=de&minMargin=0&maxMargin=0.09999999999999999",
      "/datasets/demo/pairs?lang=de&minMargin=0.1&maxMargin=0.19999999999999998",
      "/datasets/demo/pairs?lang=de&minMargin=0.2&maxMargin=0.29999999999999993",
      "/datasets/demo/pairs?lang=de&minMargin=0.3&maxMargin=0.39999999999999997",
      "/datasets/demo/pairs?lang=de&minMargin=0.4&maxMargin=0.49999999999999994",
      "/datasets/demo/pairs?lang=de&minMargin=0.5&maxMargin=0.5999999999999999",
      "/datasets/demo/pairs?lang=de&minMargin=0.6&maxMargin=0.6999999999999998",
      "/datasets/demo/pairs?lang=de&minMargin=0.7&maxMargin=0.7999999999999999",
      "/datasets/demo/pairs?lang=de&minMargin=0.8&maxMargin=0.8999999999999999",
      "/datasets/demo/pairs?lang=de&minMargin=0.9",
      "/datasets/demo/pairs?lang=de&status=skipped",
    ]);
    expect(charts[0]!.rows[3]!.names.pairs).toBe("Margin de · 0.2–0.3 · pairs: 4");
  });

  it("score histograms put chosen and rejected side by side per language", () => {
    const [de] = scoreCharts(
      "demo",
      [
        { language: "de", bucket: 10, n: 3 },
        { language: "de", bucket: 9, n: 1 },
      ],
      [
        { language: "de", bucket: 0, n: 1 },
        { language: "de", bucket: 2, n: 3 },
      ],
    );
    expect(de!.rows.map((r) => r.label)).toEqual(["< 0", ...TENTH_LABELS]);
    expect(de!.rows.map((r) => r.values.chosen)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3]);
    expect(de!.rows.map((r) => r.values.rejected)).toEqual([1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(de!.rows[0]!.hrefs).toEqual({
      chosen: "/datasets/demo/pairs?lang=de&sort=scoreChosen",
      rejected: "/datasets/demo/pairs?lang=de&sort=scoreRejected",
    });
  });

  it("reference Cons: low buckets link to the low-Cons flag", () => {
    const m = consChart("demo", { id: 4, number: 2 }, [
      { bucket: 5, n: 2 },
      { bucket: 10, n: 6 },
      { bucket: null, n: 1 },
    ]);
    expect(m.rows.map((r) => r.values.groups)).toEqual([0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 6, 1]);
    expect(m.rows[5]!.names.groups).toBe("Reference Cons, Run 2 · 0.4–0.5 · groups: 2");
    expect(m.rows.map((r) => r.hrefs.groups?.endsWith("flags=lowCons"))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("off-target rate in percent and length median/p90 per language", () => {
    const rows = [
      { language: "de", responses: 8, offTarget: 1, medianChars: 120, p90Chars: 300 },
      { language: "en", responses: 0, offTarget: 0, medianChars: null, p90Chars: null },
      { language: "zh", responses: 3, offTarget: 2, medianChars: 40, p90Chars: 90 },
    ];
    expect(offTargetChart("demo", rows).rows.map((r) => [r.label, r.values.rate, r.hrefs.rate])).toEqual([
      ["de", 12.5, "/datasets/demo/pairs?lang=de&flags=offTarget"],
      ["en", 0, "/datasets/demo/pairs?lang=en&flags=offTarget"],
      ["zh", 66.7, "/datasets/demo/pairs?lang=zh&flags=offTarget"],
    ]);
    const len = lengthChart("demo", rows);
    expect(len.rows.map((r) => r.values)).toEqual([
      { median: 120, p90: 300 },
      { median: 0, p90: 0 },
      { median: 40, p90: 90 },
    ]);
    expect(len.rows[2]!.names.p90).toBe("Response length · zh · 90th percentile: 90 chars");
  });
});
