import { describe, expect, it } from "vitest";
import { nextDown } from "@/lib/dashboards/charts/buckets";
import { calibrationCharts } from "./calibration-chart";

describe("calibration charts", () => {
  it("gives one chart per language with the share agreeing per margin bucket, each bar linked to its pairs", () => {
    const charts = calibrationCharts("demo", [
      { lang: "de", marginFrom: 0.1, marginTo: 0.2, votes: 8, methodAgreement: 0.75 },
      { lang: "de", marginFrom: null, marginTo: 0, votes: 3, methodAgreement: 1 / 3 },
      { lang: "ar", marginFrom: 0.9, marginTo: null, votes: 2, methodAgreement: 1 },
      { lang: "ar", marginFrom: null, marginTo: null, votes: 4, methodAgreement: 0.5 },
    ]);
    expect(charts.map((c) => c.id)).toEqual(["calibration-ar", "calibration-de"]);
    const [ar, de] = charts;
    expect(de!.rows.map((r) => [r.label, r.values.agree, r.hrefs.agree, r.names.agree])).toEqual([
      [
        "< 0 (3 votes)",
        33.3,
        `/datasets/demo/pairs?lang=de&maxMargin=${nextDown(0)}`,
        "Calibration de · < 0 (3 votes) · votes agreeing with the method: 33.3%",
      ],
      [
        "0.1–0.2 (8 votes)",
        75,
        `/datasets/demo/pairs?lang=de&minMargin=0.1&maxMargin=${nextDown(0.2)}`,
        "Calibration de · 0.1–0.2 (8 votes) · votes agreeing with the method: 75%",
      ],
    ]);
    expect(ar!.rows.map((r) => [r.label, r.values.agree, r.hrefs.agree])).toEqual([
      ["≥ 0.9 (2 votes)", 100, "/datasets/demo/pairs?lang=ar&minMargin=0.9"],
      ["none (4 votes)", 50, undefined],
    ]);
  });

  it("draws nothing without votes", () => {
    expect(calibrationCharts("demo", [])).toEqual([]);
  });
});
