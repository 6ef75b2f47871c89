import { describe, expect, it } from "vitest";
import { formFromSearchParams, ZExportForm } from "./form";

describe("export form", () => {
  it("turns blank fields into defaults and checkboxes into booleans", () => {
    expect(ZExportForm.parse({ format: "trl", languages: "", minMargin: "", testSplit: "", seed: "", system: "  " })).toEqual({
      format: "trl",
      languages: [],
      consensus: [],
      status: "effective",
      minMargin: null,
      testSplit: null,
      seed: 0,
      system: null,
      excludeFlagged: false,
      englishPairs: false,
    });
  });

  it("reads numbers, comma lists of languages and consensus values, and checked boxes", () => {
    expect(
      ZExportForm.parse({
        format: "parquet",
        languages: "de, zh,",
        status: "accepted",
        minMargin: "0.25",
        testSplit: "0.1",
        seed: "7",
        system: "Be brief.",
        excludeFlagged: "on",
        englishPairs: "on",
        consensus: "unanimous,adjudicated",
      }),
    ).toEqual({
      format: "parquet",
      languages: ["de", "zh"],
      consensus: ["unanimous", "adjudicated"],
      status: "accepted",
      minMargin: 0.25,
      testSplit: 0.1,
      seed: 7,
      system: "Be brief.",
      excludeFlagged: true,
      englishPairs: true,
    });
  });

  it("names the field of a value that is not a number", () => {
    const parsed = ZExportForm.safeParse({ format: "trl", minMargin: "abc" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["minMargin"]);
  });

  it("takes the first of repeated search params", () => {
    expect(formFromSearchParams({ format: ["trl", "parquet"], seed: "3", system: undefined })).toEqual({ format: "trl", seed: "3" });
  });
});
