import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { usesSingleFile } from "./layout";
import { previewRecords } from "./preview";
import { RECORD_SCHEMAS } from "./schemas";
import { asyncRows, FIXTURE_LANGUAGES, FIXTURE_PAIRS, tempDir } from "@/lib/testing/export-formats";
import { EXPORT_FORMATS } from "./types";
import { writeExport } from "./write-export";

const SYSTEM = "Be brief.";

describe.each(EXPORT_FORMATS.filter((f) => f !== "parquet"))("previewRecords %s", (format) => {
  it("is exactly the file's text when the rows are the whole export", async () => {
    const dir = await tempDir();
    const out = path.join(dir, usesSingleFile(format, false) ? "pairs.jsonl" : "out");
    const manifest = await writeExport({
      rows: asyncRows(FIXTURE_PAIRS),
      format,
      out,
      system: SYSTEM,
      datasetName: "preview",
      languages: [...FIXTURE_LANGUAGES],
    });
    const dataFile = manifest.files.find((f) => f.rows > 0)!;
    const root = manifest.layout === "file" ? dir : out;
    const fileText = await readFile(path.join(root, dataFile.path), "utf8");
    expect(previewRecords(FIXTURE_PAIRS, format, { system: SYSTEM, limit: FIXTURE_PAIRS.length })).toBe(fileText);
  });

  it("shows the first records only", () => {
    const preview = previewRecords(FIXTURE_PAIRS, format, { limit: 2 });
    const records: unknown[] = preview.trimStart().startsWith("[")
      ? (JSON.parse(preview) as unknown[])
      : preview
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as unknown);
    expect(records).toHaveLength(2);
    for (const record of records) RECORD_SCHEMAS[format].parse(record);
  });
});

describe("previewRecords parquet", () => {
  it("shows Parquet rows as JSON Lines", () => {
    const lines = previewRecords(FIXTURE_PAIRS, "parquet").trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(RECORD_SCHEMAS.parquet.parse(JSON.parse(lines[0]!))).toMatchObject({ prompt_id: "q-g1", lang: "de" });
  });
});
