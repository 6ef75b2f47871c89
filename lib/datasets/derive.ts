import { detectLanguage, extractAnswer } from "@/lib/pipeline";
import type { Derived } from "./insert-groups";

/** Fields computed once per response at load time, so runs and dashboards never recompute them. */
export function deriveResponseFields(text: string, lang: string, group: { gold: string | null }): Derived {
  return {
    detectedLanguage: text.trim() === "" ? null : detectLanguage(text, lang),
    extractedAnswer: group.gold !== null ? extractAnswer(text, lang) : null,
  };
}
