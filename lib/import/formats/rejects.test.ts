import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { formatError, rejectsWriter } from "./rejects";
import { collect, fixtureFile, flatRecord, jsonl } from "@/lib/testing/import-formats";
import type { ImportItem } from "./types";

describe("formatError", () => {
  it("names the line and, when known, the field", () => {
    expect(formatError({ line: 12, field: "responses.zh[2].text", message: "expected a string, got number" })).toBe(
      "line 12, field responses.zh[2].text: expected a string, got number",
    );
    expect(formatError({ line: 3, field: null, message: "line is not valid UTF-8" })).toBe("line 3: line is not valid UTF-8");
    expect(formatError({ kind: "fatal", line: null, message: "input is larger than the limit of 1 GiB (maxFileBytes)" })).toBe(
      "input is larger than the limit of 1 GiB (maxFileBytes)",
    );
  });

  it("puts each issue of an invalid record on its own line", () => {
    const item: ImportItem = {
      kind: "invalid",
      line: 4,
      issues: [
        { line: 4, field: "id", message: "required field is missing" },
        { line: 4, field: "prompts", message: "required field is missing" },
      ],
      raw: "{}",
      invalidatesGroup: null,
    };
    expect(formatError(item)).toBe("line 4, field id: required field is missing\nline 4, field prompts: required field is missing");
  });
});

describe("rejectsWriter", () => {
  it("writes each rejected record with its errors and original text as JSONL", async () => {
    const text = jsonl(flatRecord("q1", "de", "a"), { prompt_id: "q2" }) + "not json\n";
    const items = await collect({ path: fixtureFile("mixed.jsonl", text) });
    const path = fixtureFile("rejects.jsonl", "");
    const writer = rejectsWriter(path);
    for (const item of items) if (item.kind === "invalid") await writer.write(item);
    await writer.close();
    expect(writer.count).toBe(3);
    const lines = readFileSync(path, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        line: 2,
        errors: [
          { line: 2, field: "lang", message: "required field is missing" },
          { line: 2, field: "prompt", message: "required field is missing" },
          { line: 2, field: "response", message: "required field is missing" },
        ],
        raw: '{"prompt_id":"q2"}',
      },
      { line: 3, errors: [{ line: 3, field: null, message: 'invalid JSON: unexpected character "o"' }], raw: "not json" },
      {
        line: 1,
        errors: [{ line: 1, field: "lang", message: 'prompt group "q1" has no line with the pivot language "en"' }],
        raw: null,
        group: "q1",
      },
    ]);
  });
});

describe("rejectsWriter limits", () => {
  const item = (line: number, raw: string): Extract<ImportItem, { kind: "invalid" }> => ({
    kind: "invalid",
    line,
    issues: [{ line, field: null, message: "bad" }],
    raw,
    invalidatesGroup: null,
  });
  const lineOf = (line: number, raw: string) => `${JSON.stringify({ line, errors: [{ line, field: null, message: "bad" }], raw })}\n`;

  it("writes at most `lines` records, then refuses (nothing written) and names the limit", async () => {
    const path = fixtureFile("capped-lines.jsonl", "");
    const writer = rejectsWriter(path, { lines: 3, bytes: 2 ** 20 });
    const written = [];
    for (let i = 1; i <= 5; i++) written.push(await writer.write(item(i, "x")));
    await writer.close();
    expect(written).toEqual([true, true, true, false, false]);
    expect(writer.exceeded).toBe("lines");
    expect(readFileSync(path, "utf8")).toBe(lineOf(1, "x") + lineOf(2, "x") + lineOf(3, "x"));
    expect(writer.bytes).toBe(readFileSync(path).length);
  });

  it("never lets the file pass `bytes`: the record that would is refused", async () => {
    const path = fixtureFile("capped-bytes.jsonl", "");
    const one = Buffer.byteLength(lineOf(1, "ü".repeat(10)));
    const writer = rejectsWriter(path, { lines: 100, bytes: 2 * one + 1 });
    expect(await writer.write(item(1, "ü".repeat(10)))).toBe(true);
    expect(await writer.write(item(2, "ü".repeat(10)))).toBe(true);
    expect(await writer.write(item(3, "ü".repeat(10)))).toBe(false);
    await writer.close();
    expect(writer.exceeded).toBe("bytes");
    expect(writer.count).toBe(2);
    expect(readFileSync(path).length).toBe(2 * one);
  });
});
