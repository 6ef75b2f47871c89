import { describe, expect, it } from "vitest";
import { resolveExportConfig } from "./config";

const dataset = { slug: "team", pivotLanguage: "en", languages: ["en", "de", "ar"] };

describe("export config: consensus", () => {
  it("defaults to every pair", () => {
    expect(resolveExportConfig(dataset, { format: "trl" }).consensus).toEqual([]);
  });

  it("keeps the values asked for once each, in their canonical order", () => {
    const config = resolveExportConfig(dataset, { format: "cm-align", consensus: ["adjudicated", "unanimous", "adjudicated"] });
    expect(config.consensus).toEqual(["unanimous", "adjudicated"]);
    expect(resolveExportConfig(dataset, { format: "trl", consensus: [] }).consensus).toEqual([]);
  });

  it("names the field and the bad value", () => {
    expect(() => resolveExportConfig(dataset, { format: "trl", consensus: ["disputed", "Majority"] })).toThrow(
      'consensus.1: "Majority" is not a consensus; use pending, unanimous, majority, disputed, adjudicated',
    );
    expect(() => resolveExportConfig(dataset, { format: "trl", consensus: "disputed" })).toThrow(
      "consensus: must be a list of pending, unanimous, majority, disputed, adjudicated",
    );
  });
});
