import { Readable } from "node:stream";

import { describe, expect, it } from "vitest";

import { readImport } from "./read-import";
import { chunkedSource, collect, fixtureFile, flatRecord, groupsOf, gzipSync, jsonl, nestedRecord } from "@/lib/testing/import-formats";

async function collectFrom<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const twoGroups = jsonl(nestedRecord("a"), nestedRecord("b"));

describe("readImport: sources, detection, limits, progress", () => {
  it("detects gzip from the magic bytes whatever the name, and from .gz", async () => {
    const plain = await collect({ path: fixtureFile("plain.jsonl", twoGroups) });
    expect(await collect({ path: fixtureFile("hidden.jsonl", gzipSync(twoGroups)) })).toEqual(plain);
    expect(await collect(chunkedSource(gzipSync(twoGroups), "upload.jsonl.gz", 1))).toEqual(plain);
    expect(groupsOf(plain)).toHaveLength(2);
  });

  it("reports what it detected and how far it got", async () => {
    const path = fixtureFile("progress.jsonl.gz", gzipSync(twoGroups));
    const reader = readImport({ path });
    expect(reader.detected).toBeNull();
    for await (const item of reader) expect(item.kind).toBe("group");
    expect(reader.detected).toEqual({ container: "jsonl", kind: "nested", gzip: true });
    expect(reader.progress).toEqual({
      bytesRead: reader.progress.totalBytes,
      totalBytes: gzipSync(twoGroups).length,
      records: 2,
      invalid: 0,
    });
  });

  it("yields whole batches for a loader", async () => {
    const batches: number[] = [];
    for await (const batch of readImport(chunkedSource(twoGroups, "b.jsonl", 1 << 20)).batches()) batches.push(batch.length);
    expect(batches).toEqual([2]);
  });

  it("sniffs an unknown extension: [ is a JSON array, { is JSONL", async () => {
    const array = readImport({ path: fixtureFile("data.txt", JSON.stringify([flatRecord("q", "en", "r")])) });
    expect(groupsOf(await collectFrom(array))).toHaveLength(1);
    expect(array.detected).toEqual({ container: "json", kind: "flat", gzip: false });
    expect(groupsOf(await collect({ path: fixtureFile("data.log", twoGroups) }))).toHaveLength(2);
    expect(await collect({ path: fixtureFile("data.tsv", "a\tb\n") })).toEqual([
      {
        kind: "fatal",
        line: null,
        message: 'cannot tell the format of "data.tsv": name it .jsonl, .json, .csv or .parquet (optionally .gz), or pass --format csv',
      },
    ]);
  });

  it("accepts empty input as zero records", async () => {
    expect(await collect({ path: fixtureFile("empty.jsonl", "") })).toEqual([]);
    expect(await collect({ path: fixtureFile("blank.jsonl", "\n \n") })).toEqual([]);
  });

  it("stops with a fatal item when the input is over maxFileBytes, before or after gunzip", async () => {
    const message = "input is larger than the limit of 100 bytes (maxFileBytes)";
    expect(await collect({ path: fixtureFile("big.jsonl", twoGroups) }, { maxFileBytes: 100 })).toEqual([
      { kind: "fatal", line: null, message },
    ]);
    const bomb = gzipSync(Buffer.alloc(1 << 20, 0x20));
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await collect({ path: fixtureFile("bomb.jsonl.gz", bomb) }, { maxFileBytes: 100 * 1024 })).toEqual([
      { kind: "fatal", line: null, message: "input is larger than the limit of 100 KiB (maxFileBytes)" },
    ]);
  });

  it("keeps the records read before a fatal stream error", async () => {
    async function* failing() {
      yield Buffer.from(twoGroups);
      throw new Error("connection reset");
    }
    const items = await collect({ stream: Readable.from(failing()), filename: "upload.jsonl" });
    expect(items.map((item) => item.kind)).toEqual(["group", "group", "fatal"]);
    expect(items.at(-1)).toEqual({ kind: "fatal", line: null, message: "cannot read upload.jsonl: connection reset" });
  });

  it("turns unreadable files, corrupt gzip and a bad pivot into fatal items", async () => {
    const missing = await collect({ path: "/nonexistent/dir/x.jsonl" });
    expect(missing).toMatchObject([{ kind: "fatal", line: null }]);
    expect(missing[0]?.kind === "fatal" && missing[0].message).toMatch(/^cannot read \/nonexistent\/dir\/x\.jsonl: ENOENT/);
    const truncated = gzipSync(twoGroups).subarray(0, 40);
    const corrupt = await collect({ path: fixtureFile("cut.jsonl.gz", truncated) });
    expect(corrupt.at(-1)).toEqual({ kind: "fatal", line: null, message: "cannot decompress the gzip data: unexpected end of file" });
    expect(await collect({ path: fixtureFile("p.jsonl", twoGroups) }, { pivot: "english!" })).toEqual([
      { kind: "fatal", line: null, message: 'the pivot language "english!" is not a valid BCP-47 code' },
    ]);
  });
});
