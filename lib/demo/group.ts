import { BANKS, bankFor } from "./banks";
import { GENERAL_TASKS, type GeneralTask } from "./banks/general-tasks";
import { MATH_TEMPLATES, type Problem } from "./banks/math-templates";
import type { Fmt, LanguageBank } from "./banks/types";
import { HTML_SNIPPET, HTML_TRAP, MODELS } from "./constants";
import { canonical, formatNumber } from "./numbers";
import { planSlot, type SamplePlan } from "./plan";
import { hashString, mix32, Rng } from "./prng";
import { promptStyle, renderMath } from "./render-math";
import { renderGeneral } from "./render-general";
import { TRAP_KINDS, type NestedGroupRecord, type TrapKind, type TTrapRates } from "./types";

export interface LangSlot {
  code: string;
  bank: LanguageBank;
  hash: number;
  promptFmt: Fmt;
  foreign: string[];
}

export interface GenContext {
  seed: number;
  mathShare: number;
  min: number;
  max: number;
  rates: TTrapRates;
  slots: LangSlot[];
  forced: ReadonlySet<string>;
  html: boolean;
  annotate: boolean;
}

export function makeSlots(languages: readonly string[]): LangSlot[] {
  const codes = ["en", ...languages.filter((l) => l.toLowerCase() !== "en")];
  const banks = codes.map((c) => bankFor(c));
  return codes.map((code, i) => {
    const bank = banks[i] ?? bankFor(code);
    const others = [...new Set(banks.map((b) => b.code))].filter((b) => b !== bank.code && b !== "en");
    const en = bank.code === "en" ? [] : Array<string>(2 * others.length + 1).fill("en");
    const style = promptStyle(bank);
    return {
      code,
      bank,
      hash: hashString(code),
      promptFmt: (n) => formatNumber(n, style),
      foreign: code === "en" ? [] : [...en, ...others],
    };
  });
}

/** Spreads math groups evenly: group i is math when floor((i+1)·share) steps up. `n` is the 1-based per-kind number. */
export function groupKind(i: number, share: number): { math: boolean; n: number } {
  const before = Math.floor(i * share);
  const after = Math.floor((i + 1) * share);
  return after > before ? { math: true, n: after } : { math: false, n: i + 1 - after };
}

export function groupId(i: number, share: number): string {
  const { math, n } = groupKind(i, share);
  return `${math ? "math" : "general"}-${String(n).padStart(4, "0")}`;
}

/** The group's RNG; its first draw is the sample count, so counting needs no text. */
export function groupStart(ctx: Pick<GenContext, "seed" | "min" | "max">, i: number): { gr: Rng; k: number; seed: number } {
  const seed = mix32(ctx.seed, i);
  const gr = new Rng(seed);
  return { gr, k: gr.int(ctx.min, ctx.max), seed };
}

function nearDuplicate(text: string, bank: LanguageBank, r: Rng): string {
  const v = r.int(0, 2);
  if (v === 0) return `${r.pick(bank.intros)}\n\n${text}`;
  const i = text.indexOf("\n\n");
  if (v === 2 && i >= 0) return `${text.slice(0, i)}\n${text.slice(i + 2)}`;
  return `${text}\n\n${r.pick(bank.closings)}`;
}

function taken(t: string, previous: readonly { text: string }[]): boolean {
  for (const p of previous) if (p.text.length === t.length && p.text === t) return true;
  return false;
}

/** Samples of one (group, language) never repeat byte for byte: the import dedups on content hash. */
function unique(text: string, previous: readonly { text: string }[], bank: LanguageBank): string {
  let t = text;
  const n = bank.closings.length;
  for (let a = 0; taken(t, previous); a++) {
    const round = Math.floor(a / n);
    const tail = `\n\n${bank.closings[a % n]}` + "\n".repeat(Math.max(0, round - bank.intros.length));
    t = round === 0 ? text + tail : `${bank.intros[(round - 1) % bank.intros.length]}\n\n${text}${tail}`;
  }
  return t;
}

function label(plan: SamplePlan, math: boolean, style: string, html: boolean): string {
  if (plan.empty) return "empty";
  if (plan.copyOf >= 0) return `near_duplicate:${plan.copyOf}`;
  const o = plan.outcome;
  const parts = [o === "ok" ? (math ? "correct" : "good") : o === "bad" ? "wrong_answer" : o === "early" ? "english_majority_wrong" : o];
  if (style !== "plain") parts.push(style);
  if (plan.foreign) parts.push(`wrong_language:${plan.foreign}`);
  if (html) parts.push("html");
  return parts.join("+");
}

interface GroupSpec {
  math: boolean;
  k: number;
  seed: number;
  primary: string;
  problem?: Problem;
  task?: GeneralTask;
  majorityWrong: boolean;
  htmlAt: number;
}

function buildSlot(ctx: GenContext, g: GroupSpec, slot: LangSlot, traps: Set<TrapKind>, labels: string[] | null) {
  const { bank, code } = slot;
  const r = new Rng(mix32(g.seed, slot.hash));
  const protect = code === "en" ? g.htmlAt : -1;
  const spec = { k: g.k, english: code === "en", math: g.math, majorityWrong: g.majorityWrong, protect, foreignChoices: slot.foreign };
  const plans = planSlot(r, spec, ctx.rates);
  const used: number[] = [];
  const out: Array<{ text: string; model: string }> = [];
  for (const [i, plan] of plans.entries()) {
    let text = "";
    const style = g.math || plan.outcome === "ok" ? plan.style : "plain";
    if (plan.empty) traps.add("empty");
    else if (plan.copyOf >= 0) {
      traps.add("near_duplicate");
      text = nearDuplicate(out[plan.copyOf]?.text ?? "", bank, r);
    } else {
      const b = plan.foreign ? (BANKS[plan.foreign] ?? bank) : bank;
      if (plan.foreign) traps.add("wrong_language");
      if (plan.outcome === "bad") traps.add("wrong_answer");
      if (style !== "plain") traps.add(style);
      if (g.problem) text = renderMath(b, g.problem, plan, r, used, traps);
      else if (g.task) text = renderGeneral(b, g.task, plan, r, traps);
      if (i === protect) {
        text = `${text}\n\nP.S. ${HTML_SNIPPET}`;
        traps.add("html");
      }
    }
    if (text !== "") text = unique(text, out, bank);
    out.push({ text, model: r.chance(0.85) ? g.primary : r.pick(MODELS) });
    labels?.push(label(plan, g.math, style, i === protect));
  }
  return out;
}

function groupPrompt(g: GroupSpec, slot: LangSlot, styleIdx: number): string {
  if (g.problem) return g.problem.prompt(slot.bank, slot.promptFmt);
  if (!g.task) return "";
  const base = slot.bank.general[g.task.id].prompt;
  const style = slot.bank.styles[styleIdx] ?? "";
  return style ? `${base}${slot.bank.sep}${style}` : base;
}

export function buildGroup(ctx: GenContext, index: number): NestedGroupRecord {
  const { math, n } = groupKind(index, ctx.mathShare);
  const id = groupId(index, ctx.mathShare);
  const { gr, k, seed } = groupStart(ctx, index);
  const g: GroupSpec = { math, k, seed, primary: gr.pick(MODELS), majorityWrong: false, htmlAt: -1 };
  const traps = new Set<TrapKind>();
  if (math) {
    const tpl = MATH_TEMPLATES[(n - 1) % MATH_TEMPLATES.length];
    if (!tpl) throw new Error("no math templates");
    g.problem = tpl.draw(gr);
    g.majorityWrong = ctx.forced.has(id) || gr.chance(ctx.rates.majorityWrong);
    if (g.majorityWrong) traps.add("english_majority_wrong");
  } else {
    g.task = GENERAL_TASKS[(n - 1) % GENERAL_TASKS.length];
  }
  if (ctx.html && id === HTML_TRAP.groupId && k > HTML_TRAP.sample) g.htmlAt = HTML_TRAP.sample;
  const styleIdx = Math.floor((n - 1) / GENERAL_TASKS.length) % 4;

  const prompts: Record<string, string> = {};
  const responses: NestedGroupRecord["responses"] = {};
  const labels: Record<string, string[]> = {};
  for (const slot of ctx.slots) {
    prompts[slot.code] = groupPrompt(g, slot, styleIdx);
    const slotLabels = ctx.annotate ? (labels[slot.code] = []) : null;
    responses[slot.code] = buildSlot(ctx, g, slot, traps, slotLabels);
  }
  const meta: NestedGroupRecord["meta"] = {
    task: math ? "math" : "general",
    template: g.problem?.template ?? g.task?.id ?? "",
    traps: TRAP_KINDS.filter((t) => traps.has(t)),
  };
  if (ctx.annotate) meta.labels = labels;
  return g.problem ? { id, gold: canonical(g.problem.answer), prompts, responses, meta } : { id, prompts, responses, meta };
}
