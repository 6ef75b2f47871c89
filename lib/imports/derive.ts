import { extractAnswer } from "@/lib/pipeline/answer";
import { detectLanguage } from "@/lib/pipeline/language";

/** Fields computed once per response at load time, so runs and dashboards never recompute them. */
export type DerivedFields = { detectedLanguage: string | null; extractedAnswer: string | null };

/** One batch's responses, flattened; `wantAnswer[i]` = extract an answer (math task or the group has a gold). */
export type DeriveInput = { texts: string[]; langs: string[]; wantAnswer: boolean[] };
export type DeriveOutput = { detected: (string | null)[]; answers: (string | null)[]; charLengths: Int32Array };

export function deriveFields(text: string, lang: string, wantAnswer: boolean): DerivedFields {
  return {
    detectedLanguage: text.trim() === "" ? null : detectLanguage(text, lang),
    extractedAnswer: wantAnswer ? extractAnswer(text, lang) : null,
  };
}

/** Length in code points (what `[...text].length` counts) without building an array. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

export function deriveBatch(input: DeriveInput): DeriveOutput {
  const n = input.texts.length;
  const out: DeriveOutput = { detected: new Array(n), answers: new Array(n), charLengths: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const text = input.texts[i]!;
    const d = deriveFields(text, input.langs[i]!, input.wantAnswer[i]!);
    out.detected[i] = d.detectedLanguage;
    out.answers[i] = d.extractedAnswer;
    out.charLengths[i] = codePointLength(text);
  }
  return out;
}
