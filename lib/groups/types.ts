import type { CorrectionRecord } from "@/lib/references/apply-correction";

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

export type GroupPair = {
  id: number;
  language: string;
  chosenId: number | null;
  rejectedId: number | null;
  scoreChosen: number | null;
  scoreRejected: number | null;
  margin: number | null;
  status: string;
  origin: string;
  skipReason: string | null;
  skipDetail: string | null;
  conflict: boolean;
  offTarget: boolean;
  flagged: boolean;
  flagReason: string | null;
  version: number;
  /** Why chosen beats rejected while the pair is the automatic proposal (score | language_guard | random); null otherwise. */
  basis: string | null;
  /** The automatic proposal's skip reason and detail (for a human pair in conflict: why the method now proposes no pair). */
  proposedSkipReason: string | null;
  proposedSkipDetail: string | null;
};

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

export type CorrectionHistoryItem = {
  id: number;
  kind: string;
  responseId: number | null;
  previousResponseId: number | null;
  reason: string | null;
  createdAt: Date;
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
  history: CorrectionHistoryItem[];
};
