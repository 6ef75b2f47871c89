import { franc } from "franc";
import { describe, expect, it } from "vitest";
import { DEMO_LANGUAGES, DEMO_MAJORITY_WRONG, DEMO_OPTIONS, demoDatasetInfo } from "./demo";
import { HTML_TRAP } from "./constants";
import { generateGroups } from "./generate";
import { finalAnswer, isStrictPlurality } from "@/lib/testing/demo";
import { TRAP_KINDS, type NestedGroupRecord } from "./types";

const demo: NestedGroupRecord[] = [...generateGroups(DEMO_OPTIONS)];
const math = demo.filter((g) => g.meta.task === "math");
const texts = (g: NestedGroupRecord, lang: string) => (g.responses[lang] ?? []).map((r) => r.text);
const allTexts = demo.flatMap((g) => Object.values(g.responses).flatMap((list) => list.map((r) => r.text)));
const FRANC_ONLY = ["eng", "deu", "cmn", "arb", "hin", "swh"];

describe("demo dataset", () => {
  it("has at least 40 groups, about half math, with unique ids", () => {
    expect(demo.length).toBeGreaterThanOrEqual(40);
    expect(math.length).toBe(demo.length / 2);
    expect(new Set(demo.map((g) => g.id)).size).toBe(demo.length);
    expect(demoDatasetInfo).toMatchObject({ slug: "demo", pivot: "en", languages: [...DEMO_LANGUAGES] });
  });

  it("has the six languages in every group with 4–8 samples each", () => {
    for (const g of demo) {
      expect(Object.keys(g.prompts)).toEqual([...DEMO_LANGUAGES]);
      expect(Object.keys(g.responses)).toEqual([...DEMO_LANGUAGES]);
      for (const lang of DEMO_LANGUAGES) {
        expect(g.prompts[lang]?.length).toBeGreaterThan(10);
        const n = g.responses[lang]?.length ?? 0;
        expect(n).toBeGreaterThanOrEqual(4);
        expect(n).toBeLessThanOrEqual(8);
        expect(g.responses[lang]?.every((r) => typeof r.model === "string")).toBe(true);
      }
    }
    expect(new Set(demo.map((g) => g.responses.en?.length)).size).toBeGreaterThan(2);
  });

  it("gives every math group a gold answer and no general group one", () => {
    for (const g of demo) {
      if (g.meta.task === "math") expect(g.gold).toMatch(/^\d+(\.\d{1,2})?$/);
      else expect(g.gold).toBeUndefined();
    }
  });

  it("makes gold the English majority answer, except in the documented trap groups", () => {
    const trapped = math.filter((g) => g.meta.traps.includes("english_majority_wrong")).map((g) => g.id);
    expect(trapped).toEqual([...DEMO_MAJORITY_WRONG]);
    for (const g of math) {
      const gold = Number(g.gold);
      const english = texts(g, "en").map(finalAnswer);
      const others = DEMO_LANGUAGES.filter((l) => l !== "en").flatMap((l) => texts(g, l).map(finalAnswer));
      if (trapped.includes(g.id)) {
        const wrong = english.find((v) => v !== null && v !== gold) ?? null;
        expect(wrong === null ? false : isStrictPlurality(english, wrong), g.id).toBe(true);
        expect(isStrictPlurality(others, gold), g.id).toBe(true);
      } else {
        expect(isStrictPlurality(english, gold), g.id).toBe(true);
      }
    }
  });

  it("injects every trap kind at least once, and they show in the text", () => {
    const seen = new Set(demo.flatMap((g) => g.meta.traps));
    for (const kind of TRAP_KINDS) expect(seen, kind).toContain(kind);
    expect(allTexts).toContain("");
    expect(allTexts.some((t) => t.length > 3000)).toBe(true);
    expect(math.some((g) => Object.values(g.responses).some((l) => l.some((r) => r.text.includes("```python"))))).toBe(true);
    expect(allTexts.some((t) => t.includes("| --- | --- |"))).toBe(true);
    expect(allTexts.some((t) => /[٠-٩]/.test(t))).toBe(true);
    expect(allTexts.some((t) => /[०-९]/.test(t))).toBe(true);
    const swahiliSlotInEnglish = demo.some((g) => texts(g, "sw").some((t) => /^(Answer|Final answer|The answer is|####) /m.test(t)));
    const arabicSlotInEnglish = demo.some((g) => texts(g, "ar").some((t) => /\b(the|and|of)\b/.test(t)));
    expect(swahiliSlotInEnglish || arabicSlotInEnglish).toBe(true);
  });

  it("labels every sample when annotated", () => {
    for (const g of demo) {
      for (const lang of DEMO_LANGUAGES) expect(g.meta.labels?.[lang]).toHaveLength(g.responses[lang]?.length ?? -1);
    }
  });

  it("never repeats a response byte for byte within a (group, language)", () => {
    for (const g of demo) for (const lang of DEMO_LANGUAGES) expect(new Set(texts(g, lang)).size).toBe(texts(g, lang).length);
  });

  it("has exactly one <script> response, at HTML_TRAP", () => {
    const hits = demo.flatMap((g) =>
      Object.entries(g.responses).flatMap(([lang, list]) =>
        list.flatMap((r, i) => (r.text.includes("<script>") ? [{ groupId: g.id, lang, sample: i }] : [])),
      ),
    );
    expect(hits).toEqual([HTML_TRAP]);
    const html = demo.find((g) => g.id === HTML_TRAP.groupId)?.responses.en?.[HTML_TRAP.sample]?.text ?? "";
    expect(html).toContain("<img src=x onerror=alert(1)>");
    expect(html).toContain("<script>alert('xss')</script>");
    expect(allTexts.filter((t) => t.includes("onerror="))).toHaveLength(1);
  });

  it("writes Arabic prompts in Arabic script", () => {
    for (const g of demo) {
      const p = g.prompts.ar ?? "";
      const arabic = p.match(/[\u0600-\u06ff]/g)?.length ?? 0;
      const latin = p.match(/[A-Za-z]/g)?.length ?? 0;
      expect(arabic, p).toBeGreaterThan(5 * latin);
      expect(franc(p, { only: FRANC_ONLY }), p).toBe("arb");
    }
  });

  it.each([
    ["sw", "swh"],
    ["hi", "hin"],
    ["zh", "cmn"],
  ])("writes %s prompts in that language", (lang, code) => {
    for (const g of demo) expect(franc(g.prompts[lang] ?? "", { only: FRANC_ONLY }), g.prompts[lang]).toBe(code);
  });
});
