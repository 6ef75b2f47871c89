import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cmAlignRecord, resolveSystem } from "./records";
import { RECORD_SCHEMAS } from "./schemas";
import { exportFixture, FIXTURE_PAIRS, readRecords, tempDir } from "@/lib/testing/export-formats";
import { EXPORT_FORMATS, type ExportFormat, type ExportPair } from "./types";

type Content = { prompt: string; system?: string; chosen: string; rejected: string };

const TEXT_FORMATS = EXPORT_FORMATS.filter((f) => f !== "parquet");
const EXPORT_SYSTEM = "Answer in the language of the question.";

/** Reads prompt/system/chosen/rejected back out of a validated record of each format. */
function contentOf(format: ExportFormat, record: unknown): Content {
  switch (format) {
    case "trl":
    case "cm-align":
    case "parquet": {
      const r = z.looseObject({ prompt: z.string(), chosen: z.string(), rejected: z.string() }).parse(record);
      return { prompt: r.prompt, chosen: r.chosen, rejected: r.rejected };
    }
    case "trl-chat":
    case "openrlhf": {
      const r = RECORD_SCHEMAS.openrlhf.parse(record);
      const system = r.prompt.find((m) => m.role === "system")?.content;
      const user = r.prompt.at(-1)?.content ?? "";
      return { prompt: user, chosen: r.chosen[0].content, rejected: r.rejected[0].content, ...(system ? { system } : {}) };
    }
    case "llama-factory": {
      const r = RECORD_SCHEMAS["llama-factory"].parse(record);
      return { prompt: r.instruction, chosen: r.chosen, rejected: r.rejected, ...(r.system ? { system: r.system } : {}) };
    }
    case "llama-factory-sharegpt": {
      const r = RECORD_SCHEMAS["llama-factory-sharegpt"].parse(record);
      const prompt = r.conversations[0]?.value ?? "";
      return { prompt, chosen: r.chosen.value, rejected: r.rejected.value, ...(r.system ? { system: r.system } : {}) };
    }
  }
}

function expectedContent(format: ExportFormat, pair: ExportPair): Content {
  const base = { prompt: pair.prompt, chosen: pair.chosen, rejected: pair.rejected };
  const system = resolveSystem(pair, { system: EXPORT_SYSTEM });
  const carriesSystem = !["trl", "cm-align", "parquet"].includes(format);
  return carriesSystem && system ? { ...base, system } : base;
}

async function exportOf(format: ExportFormat, split = true) {
  const out = path.join(await tempDir(), "out");
  const manifest = await exportFixture(out, format, { system: EXPORT_SYSTEM, ...(split ? { split: { testFraction: 0.5, seed: 7 } } : {}) });
  return { out, manifest };
}

describe.each(TEXT_FORMATS)("format %s on the multilingual fixture", (format) => {
  it("writes records that match the trainer's documented shape and round-trip every string", async () => {
    const { out, manifest } = await exportOf(format);
    const records: unknown[] = [];
    for (const file of manifest.files.filter((f) => /^(train|test)\./.test(f.path))) {
      const fileRecords = await readRecords(path.join(out, file.path));
      expect(fileRecords).toHaveLength(file.rows);
      records.push(...fileRecords);
    }
    expect(records).toHaveLength(FIXTURE_PAIRS.length);
    for (const record of records) expect(() => RECORD_SCHEMAS[format].parse(record)).not.toThrow();

    const byPrompt = new Map(records.map((r) => [contentOf(format, r).prompt, contentOf(format, r)]));
    for (const pair of FIXTURE_PAIRS) expect(byPrompt.get(pair.prompt)).toEqual(expectedContent(format, pair));
  });

  it("writes exactly the documented keys, in a stable order", async () => {
    const { out, manifest } = await exportOf(format, false);
    const dataFile = manifest.files.find((f) => f.rows > 0);
    const [first] = await readRecords(path.join(manifest.layout === "file" ? path.dirname(out) : out, dataFile!.path));
    const keys = Object.keys(first as object);
    const expected: Record<string, string[]> = {
      trl: ["prompt", "chosen", "rejected"],
      "trl-chat": ["prompt", "chosen", "rejected"],
      "llama-factory": ["instruction", "input", "chosen", "rejected", "system"],
      "llama-factory-sharegpt": ["conversations", "chosen", "rejected", "system"],
      openrlhf: ["prompt", "chosen", "rejected", "margin"],
      "cm-align": [
        "id",
        "prompt_id",
        "lang",
        "prompt",
        "chosen",
        "rejected",
        "en_reference",
        "score_chosen",
        "score_rejected",
        "margin",
        "origin",
        "status",
        "run_id",
        "scorer",
        "consensus",
        "votes",
        "adjudication",
      ],
    };
    expect(keys).toEqual(expected[format]);
  });
});

describe("cm-align provenance", () => {
  it("carries every field of the pair, null run ids included", async () => {
    const { out, manifest } = await exportOf("cm-align", false);
    const records = await readRecords(path.join(path.dirname(out), manifest.files[0]!.path));
    const human = records.map((r) => RECORD_SCHEMAS["cm-align"].parse(r)).find((r) => r.id === "p2");
    expect(human).toMatchObject({ origin: "human", run_id: null, lang: "ar", prompt_id: "q-g1", margin: 0.79 });
    expect(human).toMatchObject({ consensus: "pending", votes: [], adjudication: null });
  });

  it("writes the team review as read, after every provenance field", () => {
    const review: NonNullable<ExportPair["review"]> = {
      consensus: "majority",
      votes: [
        { reviewer: "ana@lab.test", preferred: "chosen", reason: "kürzer, aber richtig", seconds: 12.5, at: "2026-12-07T09:15:02.120Z" },
        { reviewer: null, preferred: "other", reason: null, seconds: null, at: "2026-12-07T09:16:40.000Z" },
        { reviewer: "cho@lab.test", preferred: "chosen", reason: null, seconds: 3, at: "2026-12-07T09:20:00.500Z" },
      ],
      adjudication: null,
    };
    const record = cmAlignRecord({ ...FIXTURE_PAIRS[0]!, review });
    expect(RECORD_SCHEMAS["cm-align"].parse(record)).toStrictEqual(record);
    expect(Object.keys(record).slice(-3)).toEqual(["consensus", "votes", "adjudication"]);
    expect(record).toMatchObject({ id: "p1", consensus: "majority", votes: review.votes, adjudication: null });
    expect(() => RECORD_SCHEMAS["cm-align"].parse({ ...record, votes: [{ ...review.votes[0], at: "yesterday" }] })).toThrow();
  });
});
