import type { CorrectionRecord } from "@/lib/references/apply-correction";
import type { EffectivePairState } from "@/lib/effective-pair/pair-state";
import type { CorrectionRow } from "@/lib/effective-pair/group-reference";

export type GroupResponse = {
  id: number;
  language: string;
  sampleIndex: number;
  text: string;
  model: string | null;
  origin: string;
  detectedLanguage: string | null;
  extractedAnswer: string | null;
  charLength: number;
  targetShare: number | null;
  languageMix: string | null;
  defect: string | null;
  /** Cons for pivot-language responses, CL for the others; null = not scored (empty, unscorable, no reference). */
  score: number | null;
};

export type GroupPair = EffectivePairState & { id: number };

export type ReferenceView = {
  responseId: number | null;
  source: "run" | "correction" | "none";
  runId: number | null;
  /** The run's number in its dataset ("Run 2"), what the page shows; `runId` is global. */
  runNumber: number | null;
  scorer: string | null;
  cons: number | null;
  /** Who made the correction in effect (source "correction"), when known. */
  correctedBy: string | null;
};

export type GroupView = {
  group: { id: number; externalId: string; gold: string | null };
  pivot: string;
  /** Pivot first, then the others by code. */
  languages: string[];
  prompts: Array<{ language: string; text: string; machineTranslated: boolean }>;
  responses: GroupResponse[];
  reference: ReferenceView;
  pairs: Record<string, GroupPair>;
  /** The correction in effect (with each language's before → after), if any. */
  correction: CorrectionRecord | null;
  history: CorrectionRow[];
};
