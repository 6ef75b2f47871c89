import type { TGenerateOptions, TTrapRates } from "./types";

export const DEMO_LANGUAGES = ["en", "de", "zh", "ar", "hi", "sw"] as const;

/** English-majority-wrong groups (ages, percent, area): each stops one step early. */
export const DEMO_MAJORITY_WRONG = ["math-0004", "math-0009", "math-0017"] as const;

/** Denser traps than the benchmark defaults, so a 48-group demo shows every kind. */
export const DEMO_RATES: TTrapRates = {
  wrongAnswer: 0.2,
  wrongLanguage: 0.05,
  nearDuplicate: 0.06,
  empty: 0.03,
  long: 0.02,
  markdown: 0.12,
  code: 0.1,
  partial: 0.12,
  offTopic: 0.08,
  majorityWrong: 0,
};

export const DEMO_OPTIONS = {
  seed: 20250611,
  groups: 48,
  languages: [...DEMO_LANGUAGES],
  samples: [4, 8],
  mathShare: 0.5,
  rates: DEMO_RATES,
  majorityWrong: [...DEMO_MAJORITY_WRONG],
  html: true,
  annotate: true,
} satisfies TGenerateOptions;

export const demoDatasetInfo = {
  slug: "demo",
  name: "CM-Align demo (math + instructions)",
  task: "general",
  pivot: "en",
  languages: [...DEMO_LANGUAGES],
} as const;
