import { describe, expect, it } from "vitest";

import {
  chunkedSource,
  collect,
  fixtureFile,
  flatRecord,
  groupsOf,
  gzipSync,
  nestedRecord,
  problemsOf,
} from "@/lib/testing/import-formats";

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

describe(".json arrays (stream-json)", () => {
  it("reads a pretty-printed array of nested records; each record's line is where it starts", async () => {
    const text = pretty([nestedRecord("a"), nestedRecord("b", { gold: "4" })]);
    const items = await collect({ path: fixtureFile("nested.json", text) });
    expect(problemsOf(items)).toEqual([]);
    const starts = text.split("\n").flatMap((line, i) => (line === "  {" ? [i + 1] : []));
    expect(starts).toEqual([2, 18]);
    expect(groupsOf(items).map((g) => [g.externalId, g.line, g.gold])).toEqual([
      ["a", 2, null],
      ["b", 18, "4"],
    ]);
  });

  it("gives the same items whether the file comes whole, in 1-byte chunks or gzipped", async () => {
    const text = "\uFEFF" + pretty([flatRecord("q1", "en", "ä"), flatRecord("q1", "zh", "中文"), { prompt_id: "q1" }]);
    const whole = await collect({ path: fixtureFile("flat.json", text) });
    expect(await collect(chunkedSource(text, "flat.json", 1))).toEqual(whole);
    expect(await collect({ path: fixtureFile("flat.json.gz", gzipSync(text)) })).toEqual(whole);
    expect(groupsOf(whole)).toHaveLength(2);
    expect(problemsOf(whole)).toEqual([
      [14, "lang", "required field is missing"],
      [14, "prompt", "required field is missing"],
      [14, "response", "required field is missing"],
    ]);
  });

  it("keeps numbers, booleans, nulls and nested containers exact", async () => {
    const record = nestedRecord("n", { meta: { score: -1.5e3, ok: true, none: null, tags: ["x", { y: [] }] }, gold: 0.25 });
    const [group] = groupsOf(await collect({ path: fixtureFile("types.json", JSON.stringify([record])) }));
    expect(group?.meta).toEqual({ score: -1500, ok: true, none: null, tags: ["x", { y: [] }] });
    expect(group?.gold).toBe("0.25");
  });

  it("rejects elements that are not objects, with the element kept as raw text", async () => {
    const items = await collect({ path: fixtureFile("scalars.json", '[\n"text",\n[1],\n42\n]') });
    expect(problemsOf(items)).toEqual([
      [2, null, "expected a JSON object, got string"],
      [3, null, "expected a JSON object, got array"],
      [4, null, "expected a JSON object, got number"],
    ]);
    expect(items.map((item) => (item.kind === "invalid" ? item.raw : null))).toEqual(['"text"', "[1]", "42"]);
  });

  it("stops with a fatal error naming the line of a syntax error, after the records before it", async () => {
    const text = `[\n${JSON.stringify(nestedRecord("a"))},\n{"id": "b",, }\n]`;
    const items = await collect(chunkedSource(text, "broken.json", 7));
    expect(groupsOf(items).map((g) => g.externalId)).toEqual(["a"]);
    expect(items.at(-1)).toEqual({ kind: "fatal", line: 3, message: "invalid JSON on line 3: expected an object key" });
  });

  it("reports an unclosed array", async () => {
    const items = await collect({ path: fixtureFile("open.json", `[${JSON.stringify(nestedRecord("a"))}`) });
    expect(items.at(-1)).toMatchObject({ kind: "fatal", message: "invalid JSON on line 1: expected ','" });
  });

  it("rejects a record over maxLineBytes without building it, then continues", async () => {
    const text = pretty([nestedRecord("big", { gold: "x".repeat(3000) }), nestedRecord("small")]);
    const items = await collect(chunkedSource(text, "big.json", 256), { maxLineBytes: 1024 });
    expect(problemsOf(items)).toEqual([[2, null, "record is longer than the limit of 1 KiB (maxLineBytes)"]]);
    expect(groupsOf(items).map((g) => g.externalId)).toEqual(["small"]);
  });

  it("rejects the record spanning an invalid UTF-8 line", async () => {
    const bytes = Buffer.concat([
      Buffer.from('[{"id": "a",\n"prompts": {"en": "'),
      Buffer.from([0xff]),
      Buffer.from(`"}},\n${JSON.stringify(nestedRecord("b"))}]`),
    ]);
    const items = await collect({ path: fixtureFile("bad-utf8.json", bytes) });
    expect(problemsOf(items)).toEqual([[2, null, "line is not valid UTF-8"]]);
    expect(items[0]).toMatchObject({ kind: "invalid", line: 1 });
    expect(groupsOf(items).map((g) => g.externalId)).toEqual(["b"]);
  });

  it("refuses a record whose escapes leave a lone surrogate, naming the field", async () => {
    const text = pretty([nestedRecord("a", { gold: "18\ud800" }), nestedRecord("b")]);
    const items = await collect(chunkedSource(text, "surrogate.json", 64));
    expect(problemsOf(items)).toEqual([
      [
        2,
        "gold",
        "text holds a lone surrogate \\ud800 at character 3: half of a UTF-16 pair is not Unicode text and cannot be stored (invalid UTF-8 is refused the same way)",
      ],
    ]);
    expect(groupsOf(items).map((g) => g.externalId)).toEqual(["b"]);
  });

  it("reads a .json file holding concatenated objects instead of an array", async () => {
    const first = pretty(nestedRecord("a"));
    const text = `${first}\n${JSON.stringify(nestedRecord("b"))}\n`;
    const groups = groupsOf(await collect({ path: fixtureFile("objects.json", text) }));
    expect(groups.map((g) => [g.externalId, g.line])).toEqual([
      ["a", 1],
      ["b", first.split("\n").length + 1],
    ]);
  });
});
