import type { GroupPair, GroupResponse } from "./types";

export type Mark = "chosen" | "rejected" | "reference";
export type RankedResponse = GroupResponse & { rank: number | null; marks: Mark[] };

/** Highest score first; unscored responses last; ties by sample index. */
export function byScore(a: GroupResponse, b: GroupResponse): number {
  if (a.score === null || b.score === null) return a.score === b.score ? a.sampleIndex - b.sampleIndex : a.score === null ? 1 : -1;
  return b.score - a.score || a.sampleIndex - b.sampleIndex;
}

export function marksOf(id: number, pair: GroupPair | undefined, referenceId: number | null): Mark[] {
  const marks: Mark[] = [];
  if (id === referenceId) marks.push("reference");
  if (pair?.chosenId === id) marks.push("chosen");
  if (pair?.rejectedId === id) marks.push("rejected");
  return marks;
}

/** One language's responses ranked by score (CL, or Cons for the pivot) with chosen/rejected/reference marked. */
export function rankLanguage(responses: GroupResponse[], pair: GroupPair | undefined, referenceId: number | null): RankedResponse[] {
  let rank = 0;
  return [...responses]
    .sort(byScore)
    .map((r) => ({ ...r, rank: r.score === null ? null : ++rank, marks: marksOf(r.id, pair, referenceId) }));
}

export type HeatCell = { responseId: number; sampleIndex: number; score: number | null; marks: Mark[] };
export type HeatRow = { language: string; kind: "cons" | "cl"; cells: Array<HeatCell | null> };
export type Heatmap = { samples: number[]; rows: HeatRow[] };

/** Languages × sample indexes; a cell is null where the language has no such sample. */
export function heatmapOf(
  languages: string[],
  pivot: string,
  responses: GroupResponse[],
  pairs: Record<string, GroupPair>,
  referenceId: number | null,
): Heatmap {
  const samples = [...new Set(responses.map((r) => r.sampleIndex))].sort((a, b) => a - b);
  const rows = languages.map((language): HeatRow => {
    const mine = new Map(responses.filter((r) => r.language === language).map((r) => [r.sampleIndex, r]));
    return {
      language,
      kind: language === pivot ? "cons" : "cl",
      cells: samples.map((s) => {
        const r = mine.get(s);
        return r ? { responseId: r.id, sampleIndex: s, score: r.score, marks: marksOf(r.id, pairs[language], referenceId) } : null;
      }),
    };
  });
  return { samples, rows };
}

/** Background for a score in [0, 1] (cosine scores below 0 clamp to 0): pale to deep indigo. */
export function heatColor(score: number | null): string {
  if (score === null) return "rgb(241 245 249)";
  const t = Math.min(1, Math.max(0, score));
  return `hsl(239 ${Math.round(40 + 44 * t)}% ${Math.round(96 - 50 * t)}%)`;
}
