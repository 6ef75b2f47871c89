import { z } from "zod";

/** One prompt group in the nested import format (DESIGN.md section 3). */
export interface NestedGroupRecord {
  id: string;
  gold?: string;
  prompts: Record<string, string>;
  responses: Record<string, Array<{ text: string; model?: string }>>;
  meta: GroupMeta;
}

export interface GroupMeta {
  [key: string]: unknown;
  task: "math" | "general";
  /** Math template id or general task id. */
  template: string;
  traps: TrapKind[];
  /** Per language, one label per sample (only with `annotate: true`). */
  labels?: Record<string, string[]>;
}

export const TRAP_KINDS = [
  "wrong_answer",
  "wrong_language",
  "near_duplicate",
  "empty",
  "long",
  "code",
  "markdown",
  "html",
  "english_majority_wrong",
  "partial",
  "off_topic",
  "native_digits",
  "decimal_comma",
  "thousands_separator",
] as const;
export type TrapKind = (typeof TRAP_KINDS)[number];

const rate = z.number().min(0).max(1);

/** Per-response probabilities (majorityWrong: per math group). */
export const ZTrapRates = z.object({
  wrongAnswer: rate,
  wrongLanguage: rate,
  nearDuplicate: rate,
  empty: rate,
  long: rate,
  markdown: rate,
  code: rate,
  partial: rate,
  offTopic: rate,
  majorityWrong: rate,
});
export type TTrapRates = z.infer<typeof ZTrapRates>;

/** Benchmark defaults: realistic sizes, rare long answers. */
export const DEFAULT_RATES: TTrapRates = {
  wrongAnswer: 0.12,
  wrongLanguage: 0.03,
  nearDuplicate: 0.05,
  empty: 0.01,
  long: 0.005,
  markdown: 0.1,
  code: 0.05,
  partial: 0.06,
  offTopic: 0.03,
  majorityWrong: 0.03,
};

const langCode = z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, "expected a language code like sw or pt-BR");

export const ZGenerateOptions = z
  .object({
    seed: z.number().int().default(1),
    groups: z.number().int().min(0),
    /** Index of the first group: lets workers generate disjoint slices of one dataset. */
    start: z.number().int().min(0).default(0),
    languages: z.array(langCode).min(1).max(16).default(["en", "de", "zh", "ar", "hi", "sw"]),
    samples: z.union([z.number().int().min(1).max(32), z.tuple([z.number().int().min(1), z.number().int().max(32)])]).default([4, 8]),
    mathShare: z.number().min(0).max(1).default(0.5),
    rates: ZTrapRates.partial().default({}),
    /** Math group ids whose English majority is forced wrong (in addition to rates.majorityWrong). */
    majorityWrong: z.array(z.string()).default([]),
    /** Inject the single HTML/script response at HTML_TRAP. */
    html: z.boolean().default(true),
    annotate: z.boolean().default(false),
  })
  .refine((o) => typeof o.samples === "number" || o.samples[0] <= o.samples[1], {
    message: "samples: min must not exceed max",
    path: ["samples"],
  })
  .refine((o) => new Set(o.languages.map((l) => l.toLowerCase())).size === o.languages.length, {
    message: "languages must be unique",
    path: ["languages"],
  });
export type TGenerateOptions = z.input<typeof ZGenerateOptions>;
export type TResolvedOptions = z.output<typeof ZGenerateOptions>;
