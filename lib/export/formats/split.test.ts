import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZCmAlignRecord } from "./schemas";
import { assignSplit } from "./split";
import { asyncRows, FIXTURE_PAIRS, readRecords, tempDir } from "@/lib/testing/export-formats";
import type { ExportPair } from "./types";
import { writeExport } from "./write-export";

const template = FIXTURE_PAIRS[0]!;

function rowsFor(groups: string[], langs: string[]): ExportPair[] {
  return groups.flatMap((g) => langs.map((lang) => ({ ...template, id: `${g}/${lang}`, groupKey: g, promptId: g, lang, system: null })));
}

const groupsArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 40 });
const langsArb = fc.uniqueArray(fc.constantFrom("de", "fr", "zh", "ar", "sw", "hi", "ja"), {
  minLength: 1,
  maxLength: 5,
});
const seedArb = fc.oneof(fc.integer(), fc.string({ maxLength: 8 }));

describe("assignSplit", () => {
  it("depends only on (seed, groupKey, fraction)", () => {
    fc.assert(
      fc.property(fc.string(), seedArb, fc.double({ min: 0, max: 1, noNaN: true }), (key, seed, fraction) => {
        expect(assignSplit(key, seed, fraction)).toBe(assignSplit(key, seed, fraction));
      }),
    );
  });

  it("sends everything to train at 0 and everything to test at 1", () => {
    fc.assert(
      fc.property(fc.string(), seedArb, (key, seed) => {
        expect(assignSplit(key, seed, 0)).toBe("train");
        expect(assignSplit(key, seed, 1)).toBe("test");
      }),
    );
  });

  it("roughly respects the test fraction on many groups", () => {
    for (const fraction of [0.05, 0.1, 0.3]) {
      const n = 20_000;
      let test = 0;
      for (let i = 0; i < n; i++) if (assignSplit(`group-${i}`, 42, fraction) === "test") test++;
      expect(Math.abs(test / n - fraction)).toBeLessThan(0.01);
    }
  });

  it("changes with the seed", () => {
    const keys = Array.from({ length: 200 }, (_, i) => `g${i}`);
    const a = keys.map((k) => assignSplit(k, 1, 0.5)).join();
    const b = keys.map((k) => assignSplit(k, 2, 0.5)).join();
    expect(a).not.toBe(b);
  });

  it("rejects fractions outside [0, 1]", () => {
    expect(() => assignSplit("g", 1, 1.5)).toThrow(RangeError);
    expect(() => assignSplit("g", 1, Number.NaN)).toThrow(RangeError);
  });
});

describe("writeExport split", () => {
  it("never puts one prompt group in both splits, whatever the row order", async () => {
    await fc.assert(
      fc.asyncProperty(
        groupsArb,
        langsArb,
        seedArb,
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.boolean(),
        async (groups, langs, seed, testFraction, shuffle) => {
          const rows = rowsFor(groups, langs);
          if (shuffle) rows.reverse();
          const out = await tempDir();
          const manifest = await writeExport({
            rows: asyncRows(rows),
            format: "cm-align",
            out,
            split: { testFraction, seed },
            datasetName: "split-check",
            languages: langs,
          });
          const groupsIn = async (file: string) =>
            new Set((await readRecords(path.join(out, file))).map((r) => ZCmAlignRecord.parse(r).prompt_id));
          const train = await groupsIn("train.jsonl");
          const test = await groupsIn("test.jsonl");
          for (const g of test) expect(train.has(g)).toBe(false);
          expect(train.size + test.size).toBe(groups.length);
          for (const g of groups) expect(test.has(g)).toBe(assignSplit(g, seed, testFraction) === "test");
          const total = Object.values(manifest.counts).reduce((n, c) => n + c.train + c.test, 0);
          expect(total).toBe(rows.length);
        },
      ),
      { numRuns: 25 },
    );
  });
});
