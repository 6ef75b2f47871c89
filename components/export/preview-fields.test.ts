import { describe, expect, it } from "vitest";
import { buildRecord } from "@/lib/export/formats/records";
import type { ExportPair } from "@/lib/export/formats/types";
import { previewFields } from "./preview-fields";

const PAIR: ExportPair = {
  id: "7",
  promptId: "q1",
  groupKey: "1",
  lang: "ar",
  prompt: 'كم عدد "التفاحات"؟',
  chosen: "ثلاثة.\nالجواب: 3",
  rejected: "أربعة",
  enReference: "Three.",
  scoreChosen: 0.9,
  scoreRejected: 0.1,
  margin: 0.8,
  origin: "auto",
  status: "proposed",
  runId: "4",
  scorer: "lexical",
};

describe("previewFields", () => {
  it("cm-align: texts in the pair's language, the reference in the pivot, ids and numbers as values", () => {
    const fields = previewFields(buildRecord("cm-align", PAIR, {}), "ar", "en");
    expect(fields.map((f) => [f.name, f.lang, f.kind])).toEqual([
      ["id", null, "value"],
      ["prompt_id", null, "value"],
      ["lang", null, "value"],
      ["prompt", "ar", "text"],
      ["chosen", "ar", "text"],
      ["rejected", "ar", "text"],
      ["en_reference", "en", "text"],
      ["score_chosen", null, "value"],
      ["score_rejected", null, "value"],
      ["margin", null, "value"],
      ["origin", null, "value"],
      ["status", null, "value"],
      ["run_id", null, "value"],
      ["scorer", null, "value"],
      ["consensus", null, "value"],
      ["adjudication", null, "value"],
    ]);
    expect(fields.find((f) => f.name === "chosen")!.value).toBe("ثلاثة.\nالجواب: 3");
  });

  it("review records (votes, verdicts) are values, a reviewer's reason is free text of no known language", () => {
    const record = {
      lang: "ar",
      chosen: "نعم",
      consensus: "majority",
      votes: [{ reviewer: "a@x.test", preferred: "chosen", reason: "أفضل", seconds: 12 }],
      adjudication: null,
    };
    expect(previewFields(record, "ar", "en")).toEqual([
      { name: "lang", value: "ar", lang: null, kind: "value" },
      { name: "chosen", value: "نعم", lang: "ar", kind: "text" },
      { name: "consensus", value: "majority", lang: null, kind: "value" },
      { name: "votes.reviewer", value: "a@x.test", lang: null, kind: "value" },
      { name: "votes.preferred", value: "chosen", lang: null, kind: "value" },
      { name: "votes.reason", value: "أفضل", lang: null, kind: "text" },
      { name: "votes.seconds", value: "12", lang: null, kind: "value" },
      { name: "adjudication", value: "null", lang: null, kind: "value" },
    ]);
  });

  it("chat formats: one field per message, named by its role; the system prompt has no language", () => {
    const fields = previewFields(buildRecord("trl-chat", PAIR, { system: "Answer briefly." }), "ar", "en");
    expect(fields).toEqual([
      { name: "prompt · system", value: "Answer briefly.", lang: null, kind: "text" },
      { name: "prompt · user", value: PAIR.prompt, lang: "ar", kind: "text" },
      { name: "chosen · assistant", value: PAIR.chosen, lang: "ar", kind: "text" },
      { name: "rejected · assistant", value: PAIR.rejected, lang: "ar", kind: "text" },
    ]);
    expect(previewFields(buildRecord("llama-factory-sharegpt", PAIR, {}), "ar", "en").map((f) => f.name)).toEqual([
      "conversations · human",
      "chosen · gpt",
      "rejected · gpt",
    ]);
  });
});
