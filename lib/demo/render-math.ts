import type { Problem } from "./banks/math-templates";
import type { Fmt, LanguageBank } from "./banks/types";
import { canonical, formatNumber, round2, type NumberStyle } from "./numbers";
import type { SamplePlan } from "./plan";
import type { Rng } from "./prng";
import type { TrapKind } from "./types";

const SLIPS = [1, -1, 2, -2, 5, 10, -10, 100, 20, -3];

/** A plausible arithmetic slip that differs from the gold, the early-stop value and earlier slips. */
export function slipValue(r: Rng, p: Problem, used: number[]): number {
  let v = round2(p.answer + r.pick(SLIPS));
  while (v <= 0 || v === p.answer || v === p.early || used.includes(v)) v = round2(v <= 0 ? p.answer + 3 : v + 7);
  used.push(v);
  return v;
}

interface Formatter {
  style: NumberStyle;
  f: Fmt;
}

function formatter(style: NumberStyle): Formatter {
  return { style, f: (n) => formatNumber(n, style) };
}

interface BankFormatters {
  plain: Formatter;
  grouped: Formatter;
  native?: { plain: Formatter; grouped: Formatter };
}

/** Built once per bank: a closure per sample would dominate the per-response cost. */
const FORMATTERS = new Map<string, BankFormatters>();

function formattersFor(bank: LanguageBank): BankFormatters {
  let fm = FORMATTERS.get(bank.code);
  if (!fm) {
    const { dec, group, native } = bank.numbers;
    fm = {
      plain: formatter({ digits: "latin", dec, group: "" }),
      grouped: formatter({ digits: "latin", dec, group }),
      native: native && {
        plain: formatter({ digits: native.digits, dec: native.dec, group: "" }),
        grouped: formatter({ digits: native.digits, dec: native.dec, group: native.group }),
      },
    };
    FORMATTERS.set(bank.code, fm);
  }
  return fm;
}

function numberStyle(bank: LanguageBank, r: Rng): Formatter {
  const fm = formattersFor(bank);
  const rate = bank.numbers.native?.rate ?? 0;
  if (fm.native && r.chance(rate)) return r.chance(0.5) ? fm.native.grouped : fm.native.plain;
  return r.chance(0.6) ? fm.grouped : fm.plain;
}

export function promptStyle(bank: LanguageBank): NumberStyle {
  return { digits: "latin", dec: bank.numbers.dec, group: bank.numbers.group };
}

function longBody(bank: LanguageBank, steps: string[], r: Rng): string {
  const target = r.int(3000, 7000);
  const parts = [steps.join("\n")];
  let length = parts[0]?.length ?? 0;
  for (let i = r.int(0, 3); length < target; i++) {
    const block = `${bank.check[i % bank.check.length]}\n${steps.join("\n")}`;
    parts.push(block);
    length += block.length + 2;
  }
  return parts.join("\n\n");
}

function table(bank: LanguageBank, steps: string[]): string {
  const rows = steps.map((s, i) => `| ${i + 1} | ${s} |`).join("\n");
  return `| ${bank.tableHead[0]} | ${bank.tableHead[1]} |\n| --- | --- |\n${rows}`;
}

/** Renders one math response; adds the traps it shows to `traps`. */
export function renderMath(bank: LanguageBank, p: Problem, plan: SamplePlan, r: Rng, used: number[], traps: Set<TrapKind>): string {
  const value = plan.outcome === "ok" ? p.answer : plan.outcome === "early" ? p.early : slipValue(r, p, used);
  const { style, f } = numberStyle(bank, r);
  let steps = p.steps(bank, plan.outcome === "early" ? p.answer : value, f);
  if (plan.outcome === "early") steps = steps.slice(0, -1);
  let intro = r.chance(0.7) ? r.pick(bank.mathIntro) + "\n\n" : "";
  if (r.chance(0.6)) intro += `${bank.restate}${bank.sep}${p.prompt(bank, f)}\n\n`;
  if (r.chance(0.6)) intro += `${r.pick(bank.plan)}\n\n`;
  const check = r.chance(0.5) ? `\n\n${r.pick(bank.check)}` : "";
  const line = r.pick(bank.answer)(f(value));

  if (style.digits !== "latin") traps.add("native_digits");
  if (style.dec === "," && !Number.isInteger(value)) traps.add("decimal_comma");
  if (style.group !== "" && value >= 1000) traps.add("thousands_separator");

  switch (plan.style) {
    case "markdown": {
      const body = r.chance(0.5) ? steps.map((s, i) => `${i + 1}. ${s}`).join("\n") : table(bank, steps);
      return `${intro}${body}\n\n${line.startsWith("#") ? line : `**${line}**`}`;
    }
    case "code": {
      const code = [...p.code, `print(total)  # ${canonical(value)}`].join("\n");
      return `${intro}${steps.join("\n")}${check}\n\n${bank.codeIntro}\n\n\`\`\`python\n${code}\n\`\`\`\n\n${line}`;
    }
    case "long":
      return `${intro}${longBody(bank, steps, r)}\n\n${line}`;
    default:
      return `${intro}${steps.join("\n")}${check}\n\n${line}`;
  }
}
