import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ZFlatRecord, ZNestedRecord } from "./schemas";
import { hasFlatShape, hasNestedShape } from "./shape-check";
import { chunkedSource, collect } from "@/lib/testing/import-formats";

const LANGS = ["en", "de", "zh-CN", "fr"];
const text = fc.string({ unit: "binary", maxLength: 30 });
const promptText = text.map((s) => `p${s}`);
// The reader and the shape checks tell values apart by type, at most three levels into a record: deeper
// JSON adds only generation time.
const jsonValue = fc.jsonValue({ maxDepth: 2 });

const validNested = (id: string) =>
  fc
    .record({
      langs: fc.subarray(LANGS.slice(1)),
      prompts: fc.array(promptText, { minLength: 4, maxLength: 4 }),
      responses: fc.array(fc.array(fc.oneof(text, fc.record({ text, model: fc.string() })), { maxLength: 3 }), {
        minLength: 4,
        maxLength: 4,
      }),
      gold: fc.option(fc.oneof(fc.string(), fc.integer())),
    })
    .map(({ langs, prompts, responses, gold }) => {
      const all = ["en", ...langs];
      return {
        id,
        ...(gold === null ? {} : { gold }),
        prompts: Object.fromEntries(all.map((lang, i) => [lang, prompts[i]])),
        responses: Object.fromEntries(all.map((lang, i) => [lang, responses[i]])),
      };
    });

type Mutation = { kind: "truncate"; at: number } | { kind: "flip"; at: number; byte: number } | { kind: "retype"; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }).filter((b) => b !== 0x0a) }),
  fc.record({ kind: fc.constant("retype" as const), value: jsonValue }),
);

function applyMutation(record: Record<string, unknown>, m: Mutation): Buffer {
  if (m.kind === "retype") return Buffer.from(JSON.stringify({ ...record, prompts: m.value }));
  const bytes = Buffer.from(JSON.stringify(record));
  if (m.kind === "truncate") return bytes.subarray(0, m.at % bytes.length);
  const copy = Buffer.from(bytes);
  copy[m.at % copy.length] = m.byte;
  return copy;
}

const isBlankLine = (line: Buffer) => line.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);

// The heavier properties take 0.5–1 s of CPU (most of it the first run's compilation); with a busy
// process per core and other test files beside them, a loaded 2-core machine stretches that past the
// default 5 s timeout.
const PROPERTY_TIMEOUT_MS = 30_000;

describe("fuzzing the JSONL reader", () => {
  it(
    "never throws, yields one item per non-blank line and one group per valid line",
    async () => {
      const lineSpec = fc.tuple(fc.boolean(), mutation);
      await fc.assert(
        fc.asyncProperty(
          fc
            .array(lineSpec, { minLength: 1, maxLength: 12 })
            .chain((specs) =>
              fc.tuple(fc.constant(specs), fc.tuple(...specs.map((_, i) => validNested(`q${i}`))), fc.integer({ min: 1, max: 97 })),
            ),
          async ([specs, records, chunkSize]) => {
            const lines = specs.map(([valid, m], i) =>
              valid || i === 0 ? Buffer.from(JSON.stringify(records[i])) : applyMutation(records[i] as Record<string, unknown>, m),
            );
            const data = Buffer.concat(lines.flatMap((line) => [line, Buffer.from("\n")]));
            const items = await collect(chunkedSource(data, "fuzz.jsonl", chunkSize));
            expect(items.filter((item) => item.kind === "fatal")).toEqual([]);
            const expectedLines = lines.flatMap((line, i) => (isBlankLine(line) ? [] : [i + 1]));
            expect(items.map((item) => (item.kind === "fatal" ? null : item.line))).toEqual(expectedLines);
            specs.forEach(([valid], i) => {
              if (valid || i === 0) expect(items.find((item) => item.line === i + 1)?.kind).toBe("group");
            });
          },
        ),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it.each(["noise.jsonl", "noise.json", "noise.csv"])(
    "gives the same items for any chunking of arbitrary bytes (%s)",
    async (name) => {
      const header = name.endsWith(".csv") ? "prompt_id,lang,prompt,response\n" : "";
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.string({ unit: "binary", maxLength: 200 }).map((s) => Buffer.from(s)),
      );
      await fc.assert(
        fc.asyncProperty(bytes, fc.integer({ min: 1, max: 50 }), async (noise, size) => {
          const data = Buffer.concat([Buffer.from(header), noise]);
          const whole = await collect(chunkedSource(data, name, 1 << 20));
          const chunked = await collect(chunkedSource(data, name, size));
          for (const items of [whole, chunked]) expect(items.slice(0, -1).every((item) => item.kind !== "fatal")).toBe(true);
          // A JSON syntax error is fatal, and the tokenizer drops what it had read in the same call,
          // so which records precede it depends on chunking; line-based formats must not differ.
          if (!name.endsWith(".json")) expect(chunked).toEqual(whole);
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe("the hand-rolled shape checks agree with the zod schemas", () => {
  const anyValue = fc.oneof(
    jsonValue,
    fc.constant(undefined),
    fc.constant(""),
    fc.constant(" "),
    fc.integer({ min: -2, max: 2 }),
    fc.double(),
  );
  const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: anyValue });

  it(
    "for nested records",
    () => {
      const response = fc.oneof(
        text,
        fc.record({ text: sometimes(text), model: sometimes(fc.string()), sample: sometimes(fc.nat()) }, { requiredKeys: [] }),
      );
      const prompt = fc.oneof(
        promptText,
        fc.record({ text: sometimes(promptText), machine_translated: sometimes(fc.boolean()), x: fc.nat() }, { requiredKeys: [] }),
      );
      const record = fc.record(
        {
          id: sometimes(fc.oneof(fc.string(), fc.integer())),
          gold: sometimes(fc.oneof(fc.string(), fc.double())),
          prompts: sometimes(fc.dictionary(fc.constantFrom(...LANGS), sometimes(prompt))),
          responses: sometimes(fc.dictionary(fc.constantFrom(...LANGS), sometimes(fc.array(sometimes(response), { maxLength: 3 })))),
          meta: sometimes(fc.dictionary(fc.string(), jsonValue)),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(record, (value) => hasNestedShape(value) === ZNestedRecord.safeParse(value).success),
        { numRuns: 2000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "for flat records",
    () => {
      const record = fc.record(
        {
          prompt_id: sometimes(fc.oneof(fc.string(), fc.integer())),
          lang: sometimes(fc.constantFrom(...LANGS)),
          prompt: sometimes(promptText),
          response: sometimes(text),
          sample: sometimes(fc.nat()),
          model: sometimes(fc.string()),
          gold: sometimes(fc.string()),
          machine_translated: sometimes(fc.boolean()),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(record, (value) => hasFlatShape(value) === ZFlatRecord.safeParse(value).success),
        { numRuns: 2000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
