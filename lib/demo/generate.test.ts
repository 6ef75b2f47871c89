import fc from "fast-check";
import { franc } from "franc";
import { describe, expect, it } from "vitest";
import { BANK_LANGUAGES } from "./banks";
import { DEMO_OPTIONS } from "./demo";
import { countResponses, generateGroup, generateGroups, responsesIn } from "./generate";
import type { TGenerateOptions } from "./types";

const json = (o: TGenerateOptions) => JSON.stringify([...generateGroups(o)]);
const SWAHILI_WORDS = /\b(ni|na|kwa|ya|wa|la|za|vya|cha|ngapi|jinsi|kila|jumla|baada|zaidi|kama|eleza|andika|toa)\b/;
const ENGLISH_WORDS = /\b(the|and|how|what|many|write|explain|give|much)\b/i;

describe("generateGroups", () => {
  it("is deterministic: same options give byte-identical output", () => {
    expect(json(DEMO_OPTIONS)).toBe(json(DEMO_OPTIONS));
    const bench = { seed: 7, groups: 200, languages: ["en", "de", "fr", "es", "ru", "ja", "sw", "ar"], samples: 8 };
    expect(json(bench)).toBe(json(bench));
    // Two 12,800-response benches: 4–5 s on a loaded 2-core machine, where the default 5 s timeout made it flaky.
  }, 30_000);

  it("changes with the seed", () => {
    expect(json({ ...DEMO_OPTIONS, seed: 1 })).not.toBe(json({ ...DEMO_OPTIONS, seed: 2 }));
  });

  it("lets slices concatenate to the whole dataset", () => {
    const whole = json({ seed: 3, groups: 30 });
    const parts = JSON.stringify([...generateGroups({ seed: 3, groups: 12 }), ...generateGroups({ seed: 3, start: 12, groups: 18 })]);
    expect(parts).toBe(whole);
    expect(JSON.stringify(generateGroup({ seed: 3 }, 17))).toBe(JSON.stringify([...generateGroups({ seed: 3, start: 17, groups: 1 })][0]));
  });

  it("counts responses without rendering them", () => {
    const o = { seed: 9, groups: 300, languages: ["en", "de", "hi"], samples: [2, 7] as [number, number] };
    let n = 0;
    for (const g of generateGroups(o)) n += responsesIn(g);
    expect(countResponses(o)).toBe(n);
  });

  it("keeps structure invariants for any seed, languages and sample range", () => {
    const langs = fc.uniqueArray(fc.constantFrom(...BANK_LANGUAGES, "pt", "ko", "uk", "xx"), { minLength: 1, maxLength: 8 });
    const range = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(fc.integer(), langs, range, fc.double({ min: 0, max: 1, noNaN: true }), (seed, languages, [lo, extra], mathShare) => {
        const groups = [...generateGroups({ seed, groups: 12, languages, samples: [lo, lo + extra], mathShare })];
        const expected = ["en", ...languages.filter((l) => l !== "en")];
        for (const g of groups) {
          expect(Object.keys(g.prompts)).toEqual(expected);
          expect(Object.keys(g.responses)).toEqual(expected);
          expect(g.gold !== undefined).toBe(g.meta.task === "math");
          for (const lang of expected) {
            const list = g.responses[lang] ?? [];
            expect(list.length).toBeGreaterThanOrEqual(lo);
            expect(list.length).toBeLessThanOrEqual(lo + extra);
            expect(new Set(list.map((r) => r.text)).size).toBe(list.length);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("writes Swahili prompts in Swahili for any seed and group", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 5000 }), (seed, index) => {
        const p = generateGroup({ seed, languages: ["sw"] }, index).prompts.sw ?? "";
        expect(p).toMatch(SWAHILI_WORDS);
        expect(p).not.toMatch(ENGLISH_WORDS);
        expect(franc(p, { only: ["eng", "swh", "deu", "fra", "spa"] })).toBe("swh");
      }),
      { numRuns: 200 },
    );
  });

  it("reuses the closest bank for languages without one", () => {
    const g = generateGroup({ seed: 1, languages: ["pt-BR", "ko", "xx"], mathShare: 0 }, 0);
    expect(g.prompts["pt-BR"]).toBe(generateGroup({ seed: 1, languages: ["es"], mathShare: 0 }, 0).prompts.es);
    expect(g.prompts.ko).toMatch(/[\u3040-\u30ff]/);
    expect(g.prompts.xx).toBe(g.prompts.en);
  });

  it("rejects bad options with a clear message", () => {
    expect(() => [...generateGroups({ groups: 1, samples: [8, 4] })]).toThrow(/samples/);
    expect(() => [...generateGroups({ groups: 1, languages: ["de", "de"] })]).toThrow(/unique/);
    expect(() => [...generateGroups({ groups: -1 })]).toThrow();
  });

  it("keeps benchmark sizes realistic: long answers are rare", () => {
    let n = 0;
    let chars = 0;
    let long = 0;
    for (const g of generateGroups({ seed: 5, groups: 500, languages: ["en", "de", "fr", "es", "ru", "ar", "hi", "sw"], samples: 8 })) {
      for (const list of Object.values(g.responses)) {
        for (const r of list) {
          n++;
          chars += r.text.length;
          if (r.text.length > 3000) long++;
        }
      }
    }
    expect(chars / n).toBeGreaterThan(250);
    expect(chars / n).toBeLessThan(1000);
    expect(long / n).toBeLessThan(0.01);
  });
});
