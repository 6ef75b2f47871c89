import { checkResponse } from "./response-checks";
import type { Candidate } from "./types";

export interface RawCandidate {
  id: string;
  lang: string;
  sampleIndex: number;
  text: string;
  vector?: Float32Array | null;
}

/**
 * A Candidate with its stored fields computed the way the importer computes them (checkResponse:
 * language, answer, share of the target language and defect, all read without the reasoning trace).
 */
export function annotateCandidate(raw: RawCandidate): Candidate {
  const checks = checkResponse(raw.text, raw.lang, { wantAnswer: true });
  return {
    id: raw.id,
    lang: raw.lang,
    sampleIndex: raw.sampleIndex,
    text: raw.text,
    detectedLang: checks.detectedLanguage,
    answer: checks.extractedAnswer,
    vector: raw.vector ?? null,
    targetShare: checks.targetShare,
    defect: checks.defect,
  };
}
