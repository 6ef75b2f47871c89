import type { DigitSet } from "../numbers";

export type Fmt = (n: number) => string;

export interface ShoppingParams {
  a: number;
  price: number;
  b: number;
  price2: number;
  sub1: number;
  sub2: number;
}
export interface SpeedParams {
  v1: number;
  t1: number;
  v2: number;
  t2: number;
  d1: number;
  d2: number;
}
export interface PercentParams {
  price: number;
  pct: number;
  off: number;
}
export interface AgesParams {
  age: number;
  times: number;
  years: number;
  father: number;
}
export interface AreaParams {
  len: number;
  wid: number;
  path: number;
  total: number;
}
export interface WagesParams {
  rate: number;
  hours: number;
  days: number;
  daily: number;
}

export interface TemplateParams {
  shopping: ShoppingParams;
  speed: SpeedParams;
  percent: PercentParams;
  ages: AgesParams;
  area: AreaParams;
  wages: WagesParams;
}
export type TemplateId = keyof TemplateParams;

/**
 * Native wording of one math template. `steps` ends with the step that computes `ans`;
 * dropping that last step yields the classic "stopped one step early" mistake.
 */
export interface MathText<P> {
  prompt: (p: P, f: Fmt) => string;
  steps: (p: P, ans: number, f: Fmt) => string[];
}
export type MathTexts = { [K in TemplateId]: MathText<TemplateParams[K]> };

export type GeneralTaskId = "photosynthesis" | "sky" | "email" | "sleep" | "palindrome" | "evens";

/** prose: sentences; list: lead + items; lines: an email; code: lead, code block, explanation. */
export type GeneralKind = "prose" | "list" | "lines" | "code";

export interface GeneralText {
  prompt: string;
  answer: string[];
}

export interface NumberConvention {
  dec: string;
  group: string;
  native?: { digits: Exclude<DigitSet, "latin">; dec: string; group: string; rate: number };
}

export interface LanguageBank {
  code: string;
  name: string;
  rtl: boolean;
  /** Joins sentences: " " for most scripts, "" for Chinese and Japanese. */
  sep: string;
  numbers: NumberConvention;
  answer: Array<(v: string) => string>;
  /** Label before a restated problem, e.g. "We are told:". */
  restate: string;
  mathIntro: string[];
  /** Generic opening reasoning sentences for math answers. */
  plan: string[];
  check: string[];
  tableHead: readonly [string, string];
  codeIntro: string;
  keyPoints: string;
  intros: string[];
  closings: string[];
  refusal: string;
  filler: string[];
  styles: string[];
  math: MathTexts;
  general: Record<GeneralTaskId, GeneralText>;
}
