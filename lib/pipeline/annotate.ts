import { extractAnswer } from "./answer";
import { detectLanguage } from "./language";
import type { Candidate } from "./types";

export interface RawCandidate {
  id: string;
  lang: string;
  sampleIndex: number;
  text: string;
  vector?: Float32Array | null;
}

/**
 * A Candidate with its stored fields computed the way the pipeline expects:
 * detectedLang = detectLanguage(text, lang), answer = extractAnswer(text, lang).
 */
export function annotateCandidate(raw: RawCandidate): Candidate {
  return {
    id: raw.id,
    lang: raw.lang,
    sampleIndex: raw.sampleIndex,
    text: raw.text,
    detectedLang: detectLanguage(raw.text, raw.lang),
    answer: extractAnswer(raw.text, raw.lang),
    vector: raw.vector ?? null,
  };
}
