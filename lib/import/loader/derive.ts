import { checkResponse, type ResponseChecks } from "@/lib/pipeline/response-checks";

/** Fields computed once per response at load time, so runs and dashboards never recompute them. */
export type DerivedFields = ResponseChecks;

/**
 * One batch's responses, flattened; `wantAnswer[i]` = extract an answer (math task or the group has a
 * gold); `finishReasons[i]`: how generation ended, when the file says so.
 */
export type DeriveInput = { texts: string[]; langs: string[]; wantAnswer: boolean[]; finishReasons?: (string | null)[] };
export type DeriveOutput = {
  detected: (string | null)[];
  answers: (string | null)[];
  shares: (number | null)[];
  mixes: (string | null)[];
  defects: (string | null)[];
  charLengths: Int32Array;
};

export function deriveFields(text: string, lang: string, wantAnswer: boolean, finishReason: string | null = null): DerivedFields {
  return checkResponse(text, lang, { wantAnswer, finishReason });
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
  const out: DeriveOutput = {
    detected: new Array(n),
    answers: new Array(n),
    shares: new Array(n),
    mixes: new Array(n),
    defects: new Array(n),
    charLengths: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const text = input.texts[i]!;
    const d = deriveFields(text, input.langs[i]!, input.wantAnswer[i]!, input.finishReasons?.[i] ?? null);
    out.detected[i] = d.detectedLanguage;
    out.answers[i] = d.extractedAnswer;
    out.shares[i] = d.targetShare;
    out.mixes[i] = d.languageMix;
    out.defects[i] = d.defect;
    out.charLengths[i] = codePointLength(text);
  }
  return out;
}
