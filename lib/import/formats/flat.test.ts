import { describe, expect, it } from "vitest";

import { collect, fixtureFile, flatRecord, groupsOf, jsonl, problemsOf, rowsOf } from "@/lib/testing/import-formats";

const read = (name: string, ...records: unknown[]) => collect({ path: fixtureFile(name, jsonl(...records)) });

describe("flat JSONL", () => {
  it("emits one partial group per line, sample indexes by order of appearance per (prompt_id, lang)", async () => {
    const items = await read(
      "rows.jsonl",
      flatRecord("q1", "en", "a", { gold: "18", model: "m1", temperature: 0.7 }),
      { ...flatRecord("q1", "ZH", "甲"), prompt: "Prompt q1 in zh" },
      flatRecord("q2", "en", "x"),
      flatRecord("q1", "en", "b", { machine_translated: false }),
      flatRecord("q1", "zh", "乙", { sample: 7 }),
    );
    expect(problemsOf(items)).toEqual([]);
    const groups = groupsOf(items);
    expect(rowsOf(groups)).toEqual(["1: q1 en#0", "2: q1 zh#0", "3: q2 en#0", "4: q1 en#1", "5: q1 zh#7"]);
    expect(groups[0]).toMatchObject({
      gold: "18",
      complete: false,
      meta: {},
      prompts: [{ lang: "en", text: "Prompt q1 in en", machineTranslated: false }],
      responses: [{ text: "a", model: "m1", params: { temperature: 0.7 }, line: 1 }],
    });
    expect(groups[1]?.gold).toBeNull();
  });

  it("rejects a sample index used twice in one (prompt_id, lang), across lines", async () => {
    const items = await read(
      "dup.jsonl",
      flatRecord("q1", "en", "a", { sample: 0 }),
      flatRecord("q1", "en", "b", { sample: 0 }),
      flatRecord("q1", "en", "c"),
      flatRecord("q1", "en", "d", { sample: 1 }),
      flatRecord("q2", "en", "e", { sample: 1 }),
      flatRecord("q2", "en", "f"),
    );
    expect(problemsOf(items)).toEqual([
      [2, "sample", 'sample index 0 of prompt group "q1", language "en" is already used on line 1'],
      [4, "sample", 'sample index 1 of prompt group "q1", language "en" is already used on line 3'],
      [6, "sample", 'sample index 1 (from the line order) of prompt group "q2", language "en" is already used on line 5'],
    ]);
  });

  it("rejects a prompt or gold answer that differs from an earlier line of the same group", async () => {
    const items = await read(
      "conflict.jsonl",
      flatRecord("q1", "en", "a", { gold: "18" }),
      { ...flatRecord("q1", "en", "b"), prompt: "Another prompt" },
      flatRecord("q1", "en", "c", { gold: "19" }),
      flatRecord("q1", "en", "d", { gold: "18" }),
      flatRecord("q1", "de", "e"),
    );
    expect(problemsOf(items)).toEqual([
      [2, "prompt", 'differs from the "en" prompt of group "q1" given on line 1'],
      [3, "gold", 'differs from the gold answer of group "q1" given on line 1'],
    ]);
    expect(groupsOf(items).map((g) => g.line)).toEqual([1, 4, 5]);
  });

  it("reports, at the end, each group that never had a pivot-language line, at its first line", async () => {
    const items = await read(
      "pivot.jsonl",
      flatRecord("q1", "de", "a"),
      flatRecord("q2", "de", "b"),
      flatRecord("q2", "en", "c"),
      flatRecord("q1", "fr", "d"),
      flatRecord(3, "de", "e"),
    );
    expect(items.slice(-2)).toEqual([
      {
        kind: "invalid",
        line: 1,
        issues: [{ line: 1, field: "lang", message: 'prompt group "q1" has no line with the pivot language "en"' }],
        raw: null,
        invalidatesGroup: "q1",
      },
      {
        kind: "invalid",
        line: 5,
        issues: [{ line: 5, field: "lang", message: 'prompt group "3" has no line with the pivot language "en"' }],
        raw: null,
        invalidatesGroup: "3",
      },
    ]);
  });

  it("validates fields with the same wording as nested records", async () => {
    const items = await read(
      "fields.jsonl",
      { lang: "en", prompt: "p", response: "r" },
      flatRecord("q1", "en_GB", "r"),
      flatRecord("q1", "en", 5),
      flatRecord("q1", "en", "r", { sample: 1.5, model: 3 }),
      { ...flatRecord("q1", "en", "r"), prompt: " " },
    );
    expect(problemsOf(items)).toEqual([
      [1, "prompt_id", "required field is missing"],
      [2, "lang", '"en_GB" is not a valid BCP-47 language code (did you mean "en-GB"?)'],
      [3, "response", "expected a string, got number"],
      [4, "sample", "expected a non-negative integer, got 1.5"],
      [4, "model", "expected a string, got number"],
      [5, "prompt", "must not be empty"],
    ]);
  });

  it("detects flat records from the first record's keys and honours --format", async () => {
    const path = fixtureFile("forced.jsonl", jsonl(flatRecord("q1", "en", "a")));
    expect(groupsOf(await collect({ path }))).toHaveLength(1);
    expect(problemsOf(await collect({ path }, { format: "nested" }))[0]).toEqual([1, "id", "required field is missing"]);
  });

  it("uses the pivot option, normalised", async () => {
    const items = await collect({ path: fixtureFile("de.jsonl", jsonl(flatRecord("q1", "de", "a"))) }, { pivot: "DE" });
    expect(problemsOf(items)).toEqual([]);
  });
});
