import { BANKS } from "@/lib/demo/banks";
import type { LanguageBank } from "@/lib/demo/banks/types";
import { fnv1a32 } from "@/lib/pipeline/hashing";
import { detectLanguage } from "@/lib/pipeline";

export type ChatMessage = { role: string; content: string };
export type MockChoice = { text: string; finishReason: "stop" | "length" };

/** Used by lib/llm/translate; the mock recognises it and answers in the named language. */
const TRANSLATE = /Translate .* into .*\(([a-z]{2,3})\)/i;

function bankFor(lang: string | null): LanguageBank {
  return (lang && BANKS[lang]) || BANKS.en!;
}

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length]!;
}

export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, "utf8") / 4);
}

/** Sum of the prompt's integers: the mock's notion of the right answer. */
function expectedAnswer(prompt: string): number {
  return (prompt.match(/\d+/g) ?? []).reduce((sum, d) => sum + Number(d), 0);
}

function translation(prompt: string, lang: string): string {
  const bank = bankFor(lang);
  const numbers = prompt.match(/\d+/g) ?? [];
  return [bank.restate, numbers.join(", "), pick(bank.plan, fnv1a32(prompt))].filter(Boolean).join(bank.sep);
}

/**
 * Sample `key` of a prompt. Deterministic; distinct for keys 0..15 of one prompt. Every fifth sample
 * (key ≡ 2 mod 5) answers in the wrong language; every fourth (key ≡ 1 mod 4) gets the answer wrong.
 */
export function sampleText(prompt: string, key: number): string {
  const lang = detectLanguage(prompt) ?? "en";
  const wrongLanguage = key % 5 === 2;
  const bank = bankFor(wrongLanguage ? (lang === "en" ? "de" : "en") : lang);
  const h = fnv1a32(prompt);
  const answer = expectedAnswer(prompt) + (key % 4 === 1 ? 1 + (key % 3) : 0);
  const fillers = Array.from({ length: 1 + (key % 4) }, (_, i) => pick(bank.filler, h + key + i));
  return [pick(bank.intros, Math.floor(key / 4) + h), pick(bank.mathIntro, h), ...fillers, pick(bank.answer, h)(String(answer))].join(
    bank.sep,
  );
}

function cut(text: string, maxTokens: number | undefined): MockChoice {
  if (maxTokens === undefined || estimateTokens(text) <= maxTokens) return { text, finishReason: "stop" };
  let out = "";
  for (const ch of text) {
    if (estimateTokens(out + ch) > maxTokens) break;
    out += ch;
  }
  return { text: out, finishReason: "length" };
}

export function completeChat(messages: ChatMessage[], opts: { n: number; seed?: number; maxTokens?: number }): MockChoice[] {
  const system = messages
    .filter((m) => m.role === "system")
    .map((m) => m.content)
    .join("\n");
  const prompt = messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
  const target = TRANSLATE.exec(system)?.[1];
  if (target) return [cut(translation(prompt, target.toLowerCase()), opts.maxTokens)];
  const base = opts.seed ?? 0;
  return Array.from({ length: opts.n }, (_, i) => cut(sampleText(prompt, base + i), opts.maxTokens));
}
