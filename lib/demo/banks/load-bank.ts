import { z } from "zod";
import { describeIssues } from "@/lib/errors";
import type { Fmt, GeneralTaskId, LanguageBank, MathText, MathTexts, TemplateId, TemplateParams } from "./types";

/**
 * A language bank is data (`<code>.json`); the few texts that take values are templates whose
 * `{name}` placeholders the loader fills: `{v}` in `answer`, the template's parameters in `math`,
 * `{ans}` (the value a step reaches) in `steps`, and a number such as `{100}`, formatted like the rest.
 */
const PARAMS = {
  shopping: ["a", "price", "b", "price2", "sub1", "sub2"],
  speed: ["v1", "t1", "v2", "t2", "d1", "d2"],
  percent: ["price", "pct", "off"],
  ages: ["age", "times", "years", "father"],
  area: ["len", "wid", "path", "total"],
  wages: ["rate", "hours", "days", "daily"],
} as const satisfies { [K in TemplateId]: ReadonlyArray<keyof TemplateParams[K]> };

const GENERAL_TASK_IDS = ["photosynthesis", "sky", "email", "sleep", "palindrome", "evens"] as const satisfies readonly GeneralTaskId[];

const PLACEHOLDER = /\{([^{}]*)\}/g;
const NUMBER = /^\d+(\.\d+)?$/;

/** A template split at its placeholders: literal, key, literal, …, literal; a key is a name or a number. */
interface Compiled {
  literals: string[];
  keys: Array<string | number>;
}

function compile(template: string): Compiled {
  const parts = template.split(PLACEHOLDER);
  return {
    literals: parts.filter((_, i) => i % 2 === 0),
    keys: parts.filter((_, i) => i % 2 === 1).map((k) => (NUMBER.test(k) ? Number(k) : k)),
  };
}

function fill(t: Compiled, value: (key: string | number) => string): string {
  let out = t.literals[0] ?? "";
  for (let i = 0; i < t.keys.length; i++) out += value(t.keys[i] ?? "") + (t.literals[i + 1] ?? "");
  return out;
}

function ZTemplate(names: readonly string[], required?: string) {
  return z.string().superRefine((text, ctx) => {
    const used = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
    for (const name of used) {
      if (!names.includes(name) && !NUMBER.test(name))
        ctx.addIssue({
          code: "custom",
          message: `unknown placeholder {${name}} (expected ${names.map((n) => `{${n}}`).join(", ")} or a number)`,
        });
    }
    if (/[{}]/.test(text.replace(PLACEHOLDER, ""))) ctx.addIssue({ code: "custom", message: "unmatched { or }" });
    if (required && !used.includes(required)) ctx.addIssue({ code: "custom", message: `missing placeholder {${required}}` });
  });
}

const ZMathText = (names: readonly string[]) =>
  z.strictObject({ prompt: ZTemplate(names), steps: z.array(ZTemplate([...names, "ans"])).min(1) });
const ZTexts = z.array(z.string().min(1)).min(1);

// Keys in the order of LanguageBank, so a loaded bank lists its fields as the type does.
const ZBankData = z.strictObject({
  code: z.string().min(2),
  name: z.string().min(1),
  rtl: z.boolean(),
  sep: z.string(),
  numbers: z.strictObject({
    dec: z.string().min(1),
    group: z.string().min(1),
    native: z
      .strictObject({
        digits: z.enum(["arabic", "devanagari", "fullwidth"]),
        dec: z.string().min(1),
        group: z.string().min(1),
        rate: z.number().min(0).max(1),
      })
      .optional(),
  }),
  answer: z.array(ZTemplate(["v"], "v")).min(1),
  restate: z.string().min(1),
  mathIntro: ZTexts,
  plan: ZTexts,
  check: ZTexts,
  tableHead: z.tuple([z.string().min(1), z.string().min(1)]),
  codeIntro: z.string().min(1),
  keyPoints: z.string().min(1),
  intros: ZTexts,
  closings: ZTexts,
  refusal: z.string().min(1),
  filler: ZTexts,
  /** "" is a style: no instruction added. */
  styles: z.array(z.string()).min(1),
  math: z.strictObject({
    shopping: ZMathText(PARAMS.shopping),
    speed: ZMathText(PARAMS.speed),
    percent: ZMathText(PARAMS.percent),
    ages: ZMathText(PARAMS.ages),
    area: ZMathText(PARAMS.area),
    wages: ZMathText(PARAMS.wages),
  }),
  general: z.record(z.enum(GENERAL_TASK_IDS), z.strictObject({ prompt: z.string().min(1), answer: ZTexts })),
});
type TBankData = z.output<typeof ZBankData>;

function mathText<P extends object>(data: { prompt: string; steps: string[] }): MathText<P> {
  const prompt = compile(data.prompt);
  const steps = data.steps.map(compile);
  const values = (p: P, f: Fmt, ans?: number) => (key: string | number) =>
    f(typeof key === "number" ? key : key === "ans" ? (ans ?? Number.NaN) : ((p as Record<string, number>)[key] ?? Number.NaN));
  return {
    prompt: (p, f) => fill(prompt, values(p, f)),
    steps: (p, ans, f) => steps.map((s) => fill(s, values(p, f, ans))),
  };
}

function mathTexts(math: TBankData["math"]): MathTexts {
  return {
    shopping: mathText(math.shopping),
    speed: mathText(math.speed),
    percent: mathText(math.percent),
    ages: mathText(math.ages),
    area: mathText(math.area),
    wages: mathText(math.wages),
  };
}

/** Validates one bank file's data and turns its templates into the functions LanguageBank has. */
export function loadBank(code: string, data: unknown): LanguageBank {
  const file = `lib/demo/banks/${code}.json`;
  const parsed = ZBankData.safeParse(data);
  if (!parsed.success) throw new Error(`Bad language bank ${file}: ${describeIssues(parsed.error, "bank")}`);
  if (parsed.data.code !== code) throw new Error(`Bad language bank ${file}: code: expected "${code}", got "${parsed.data.code}"`);
  const answer = parsed.data.answer.map((template) => {
    const t = compile(template);
    return (v: string) => fill(t, () => v);
  });
  return { ...parsed.data, answer, math: mathTexts(parsed.data.math) };
}
