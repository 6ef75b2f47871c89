import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { chunkedSource, collect, fixtureFile, groupsOf, jsonl, nestedRecord, problemsOf } from "@/lib/testing/import-formats";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("nested JSONL", () => {
  it("normalises a prompt group", async () => {
    const line = {
      id: 7,
      gold: 18,
      prompts: { EN: "How many?", "ZH-cn": { text: "多少？", machine_translated: true } },
      responses: {
        en: ["eighteen", { text: "18", model: "qwen2.5-7b", sample: 5, temperature: 0.9 }],
        "zh-CN": [{ text: "十八" }],
      },
      meta: { source: "gsm8k" },
      split: "test",
    };
    const items = await collect({ path: fixtureFile("group.jsonl", jsonl(line)) });
    expect(items).toEqual([
      {
        kind: "group",
        line: 1,
        group: {
          line: 1,
          externalId: "7",
          gold: "18",
          prompts: [
            { lang: "en", text: "How many?", machineTranslated: false },
            { lang: "zh-CN", text: "多少？", machineTranslated: true },
          ],
          responses: [
            {
              lang: "en",
              sampleIndex: 0,
              text: "eighteen",
              model: null,
              params: null,
              contentHash: sha256("eighteen"),
              line: 1,
              field: "responses.en[0]",
            },
            {
              lang: "en",
              sampleIndex: 5,
              text: "18",
              model: "qwen2.5-7b",
              params: { temperature: 0.9 },
              contentHash: sha256("18"),
              line: 1,
              field: "responses.en[1]",
            },
            {
              lang: "zh-CN",
              sampleIndex: 0,
              text: "十八",
              model: null,
              params: null,
              contentHash: sha256("十八"),
              line: 1,
              field: "responses.zh-CN[0]",
            },
          ],
          meta: { source: "gsm8k", split: "test" },
          complete: true,
        },
      },
    ]);
  });

  it("accepts a BOM, CRLF line endings and blank lines, and counts lines exactly", async () => {
    const text = "\uFEFF" + [JSON.stringify(nestedRecord("a")), "", "   ", JSON.stringify(nestedRecord("b")), ""].join("\r\n");
    const groups = groupsOf(await collect({ path: fixtureFile("crlf.jsonl", text) }));
    expect(groups.map((g) => [g.externalId, g.line])).toEqual([
      ["a", 1],
      ["b", 4],
    ]);
    expect(groups[0]?.prompts[0]?.text).toBe("Question a?");
  });

  it("reads a stream delivered one byte at a time, multi-byte characters split across chunks", async () => {
    const records = [nestedRecord("ü1", { gold: "½ → 😀" }), nestedRecord("中2")];
    const items = await collect(chunkedSource(jsonl(...records), "bytes.jsonl", 1));
    expect(groupsOf(items).map((g) => [g.externalId, g.gold, g.line])).toEqual([
      ["ü1", "½ → 😀", 1],
      ["中2", null, 2],
    ]);
  });

  it.each([2, 3, 5, 7, 64])("gives the same result for %i-byte chunks", async (size) => {
    const text = jsonl(nestedRecord("x", { gold: "ψ" }), { bad: 1 }, nestedRecord("y"));
    const whole = await collect(chunkedSource(text, "a.jsonl", text.length));
    expect(await collect(chunkedSource(text, "a.jsonl", size))).toEqual(whole);
  });

  it.each([100, 1 << 20])("rejects an over-long line and reads the next one with its number (%i-byte chunks)", async (size) => {
    const long = JSON.stringify(nestedRecord("big", { gold: "x".repeat(5000) }));
    const text = [JSON.stringify(nestedRecord("a")), long, JSON.stringify(nestedRecord("c"))].join("\n");
    const items = await collect(chunkedSource(text, "long.jsonl", size), { maxLineBytes: 1024 });
    expect(problemsOf(items)).toEqual([[2, null, "line is longer than the limit of 1 KiB (maxLineBytes)"]]);
    expect(items[1]).toMatchObject({ kind: "invalid", raw: null });
    expect(groupsOf(items).map((g) => [g.externalId, g.line])).toEqual([
      ["a", 1],
      ["c", 3],
    ]);
  });

  it("reports invalid UTF-8 on its exact line and keeps going", async () => {
    const bytes = Buffer.concat([
      Buffer.from(JSON.stringify(nestedRecord("a")) + "\n"),
      Buffer.from('{"id":"b","prompts":{"en":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}}\n' + JSON.stringify(nestedRecord("c")) + "\n"),
    ]);
    const items = await collect(chunkedSource(bytes, "utf8.jsonl", 3));
    expect(problemsOf(items)).toEqual([[2, null, "line is not valid UTF-8"]]);
    expect(groupsOf(items).map((g) => g.externalId)).toEqual(["a", "c"]);
  });

  it("refuses a lone surrogate escape in any text or field name, naming the field; keeps escaped pairs", async () => {
    const lines = [
      // JSON.stringify writes a lone surrogate as its escape, as Python's json.dumps does.
      nestedRecord("a", { responses: { en: ["ok", { text: "fine", note: "x\udfffy" }], de: ["gut"] } }),
      nestedRecord("b", { prompts: { en: "Q \ud83d\ude00 \ud800", de: "F?" } }),
      nestedRecord("c", { meta: { ["k\udc00"]: 1 } }),
      nestedRecord("d", { responses: { en: ["\ud83d\ude00 ok"], de: ["gut"] } }),
    ];
    const text = lines.map((line) => JSON.stringify(line)).join("\n");
    expect(text).toContain("\\udfff");
    const items = await collect({ path: fixtureFile("surrogates.jsonl", text) });
    const why = (unit: string, at: number, what = "text") =>
      `${what} holds a lone surrogate \\u${unit} at character ${at}: half of a UTF-16 pair is not Unicode text and cannot be stored (invalid UTF-8 is refused the same way)`;
    expect(problemsOf(items)).toEqual([
      [1, "responses.en[1].note", why("dfff", 2)],
      [2, "prompts.en", why("d800", 5)],
      [3, "meta", why("dc00", 2, "field name")],
    ]);
    expect(groupsOf(items).map((g) => [g.externalId, g.responses[0]?.text])).toEqual([["d", "😀 ok"]]);
    // The rejected line is kept as the file wrote it.
    expect(items[0]).toMatchObject({ kind: "invalid", raw: JSON.stringify(lines[0]) });
  });

  it("describes invalid JSON with the parser's column", async () => {
    const text = ['{"id":"a",}', '{"id":"a","prompts":', "[1,2"].join("\n");
    expect(problemsOf(await collect({ path: fixtureFile("syntax.jsonl", text) }))).toEqual([
      [1, null, "invalid JSON at column 11: expected double-quoted property name"],
      [2, null, "invalid JSON at column 21: unexpected end of line"],
      [3, null, "invalid JSON at column 5: expected ',' or ']' after array element"],
    ]);
  });

  it('rejects a prompt group id seen on an earlier line (7 and "7" are the same id)', async () => {
    const text = jsonl(nestedRecord("7"), nestedRecord("8"), { ...nestedRecord("x"), id: 7 });
    expect(problemsOf(await collect({ path: fixtureFile("dup-id.jsonl", text) }))).toEqual([
      [3, "id", 'prompt group "7" already appeared on line 1'],
    ]);
  });

  it("keeps the original line text as raw for rejected lines", async () => {
    const items = await collect({ path: fixtureFile("raw.jsonl", '{"id": "q", "prompts": {}}\n') });
    expect(items[0]).toMatchObject({ kind: "invalid", line: 1, raw: '{"id": "q", "prompts": {}}', invalidatesGroup: null });
  });
});
