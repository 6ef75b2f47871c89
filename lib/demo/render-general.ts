import { GENERAL_TASKS, type GeneralTask } from "./banks/general-tasks";
import type { LanguageBank } from "./banks/types";
import type { SamplePlan } from "./plan";
import type { Rng } from "./prng";
import type { TrapKind } from "./types";

function fence(code: string): string {
  return "```python\n" + code + "\n```";
}

/** A complete, on-topic answer; `markdown` switches to headings, bullets and bold. */
export function goodAnswer(bank: LanguageBank, task: GeneralTask, r: Rng, markdown: boolean): string {
  const t = bank.general[task.id].answer;
  const [a0 = "", a1 = "", a2 = "", a3 = "", a4 = "", a5 = ""] = t;
  const sep = bank.sep;
  switch (task.kind) {
    case "prose": {
      const drop = t.length > 3 && r.chance(0.25) ? r.int(1, t.length - 2) : -1;
      const sentences = t.filter((_, i) => i !== drop);
      return markdown ? `**${bank.keyPoints}**\n\n${sentences.map((s) => `- ${s}`).join("\n")}` : sentences.join(sep);
    }
    case "list": {
      const items = t.slice(1);
      if (markdown) return `**${a0}**\n\n${items.map((s) => `- **${s}**`).join("\n")}`;
      if (r.chance(0.3)) return [a0, ...items].join(sep);
      return `${a0}\n\n${items.map((s, i) => `${i + 1}. ${s}`).join("\n")}`;
    }
    case "lines": {
      const subject = markdown ? `**${a0}**` : a0;
      return `${subject}\n\n${a1}\n\n${a2}${sep}${a3}${sep}${a4}\n\n${a5}`;
    }
    case "code": {
      const code = task.code ? r.pick(task.code) : "";
      const tail = markdown ? `### ${bank.keyPoints}\n\n- ${a1}\n- ${a2}` : `${a1}${sep}${a2}`;
      return `${a0}\n\n${fence(code)}\n\n${tail}`;
    }
  }
}

function truncated(text: string, r: Rng): string {
  let cut = Math.floor(text.length * (0.3 + 0.4 * r.next()));
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut).trimEnd();
}

function partialAnswer(bank: LanguageBank, task: GeneralTask, r: Rng): string {
  if (r.chance(0.5)) return truncated(goodAnswer(bank, task, r, false), r);
  const t = bank.general[task.id].answer;
  return task.kind === "list" ? `${t[0] ?? ""}\n\n1. ${t[1] ?? ""}` : (t[0] ?? "");
}

function offTopic(bank: LanguageBank, task: GeneralTask, r: Rng): string {
  if (r.chance(0.4)) return bank.refusal;
  const others = GENERAL_TASKS.filter((t) => t.id !== task.id);
  return goodAnswer(bank, r.pick(others), r, false);
}

function longAnswer(bank: LanguageBank, task: GeneralTask, r: Rng): string {
  const target = r.int(3000, 8000);
  const t = bank.general[task.id].answer;
  const parts = [goodAnswer(bank, task, r, false)];
  let length = parts[0]?.length ?? 0;
  for (let i = r.int(0, 5); length < target; i += 3) {
    const f = bank.filler;
    const para = [f[i % f.length], f[(i + 1) % f.length], t[i % t.length], f[(i + 2) % f.length]].join(bank.sep);
    parts.push(para);
    length += para.length + 2;
  }
  return parts.join("\n\n");
}

/** Renders one general-instruction response; adds the traps it shows to `traps`. */
export function renderGeneral(bank: LanguageBank, task: GeneralTask, plan: SamplePlan, r: Rng, traps: Set<TrapKind>): string {
  let text: string;
  if (plan.outcome === "partial" || plan.outcome === "off_topic") {
    traps.add(plan.outcome);
    text = plan.outcome === "partial" ? partialAnswer(bank, task, r) : offTopic(bank, task, r);
  } else if (plan.style === "long") {
    text = longAnswer(bank, task, r);
  } else {
    text = goodAnswer(bank, task, r, plan.style === "markdown");
  }
  if (plan.outcome === "ok" && plan.style !== "long") {
    if (r.chance(0.5)) {
      const f = bank.filler;
      const j = r.int(0, f.length - 1);
      text = `${text}\n\n${f[j]}${r.chance(0.5) ? bank.sep + f[(j + 1) % f.length] : ""}`;
    }
    if (r.chance(0.35)) text = `${r.pick(bank.intros)}\n\n${text}`;
    if (r.chance(0.35)) text = `${text}\n\n${r.pick(bank.closings)}`;
  }
  return text;
}
