import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HashedFileSink } from "./file-sink";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cm-file-sink-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

type Write = { kind: "text"; text: string } | { kind: "texts"; a: string; b: string } | { kind: "bytes"; bytes: Uint8Array };

// Short texts, multi-byte and astral characters, lone surrogates, and texts past the 1 MiB chunk.
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.tuple(fc.constantFrom("a", "é", "中", "🕷", "\ud800"), fc.integer({ min: 1, max: 500_000 })).map(([c, n]) => c.repeat(n)),
);
const write: fc.Arbitrary<Write> = fc.oneof(
  text.map((t) => ({ kind: "text" as const, text: t })),
  fc.tuple(text, text).map(([a, b]) => ({ kind: "texts" as const, a, b })),
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ kind: "bytes" as const, bytes })),
);

describe("HashedFileSink", () => {
  it("writes exactly the UTF-8 of what it was given, with its sha256 and size, under the final name only", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 12 }), async (writes) => {
        const name = `f${run++}.jsonl`;
        const sink = await HashedFileSink.open(path.join(dir, name), name);
        const expected: Buffer[] = [];
        for (const w of writes) {
          if (w.kind === "text") {
            await sink.writeText(w.text);
            expected.push(Buffer.from(w.text, "utf8"));
          } else if (w.kind === "texts") {
            await sink.writeTexts(w.a, w.b);
            expected.push(Buffer.from(w.a + w.b, "utf8"));
          } else {
            await sink.writeBytes(w.bytes);
            expected.push(Buffer.from(w.bytes));
          }
        }
        const file = await sink.close();
        const bytes = await readFile(path.join(dir, name));
        const want = Buffer.concat(expected);
        expect(bytes.equals(want)).toBe(true);
        expect(file).toEqual({ path: name, sha256: createHash("sha256").update(want).digest("hex"), bytes: want.length, rows: 0 });
      }),
      { numRuns: 60 },
    );
    expect((await readdir(dir)).filter((f) => f.endsWith(".partial"))).toEqual([]);
  }, 120_000);
});
