import type { PairDetail } from "@/lib/pairs/detail";

/**
 * The pair after making candidate `n` (1-based, as numbered on screen) the chosen or the rejected
 * response; the other side keeps its response unless that is the one picked (then they trade places).
 */
export function pickPair(detail: PairDetail, side: "chosen" | "rejected", n: number): { chosenId: number; rejectedId: number } | string {
  const { candidates, pair } = detail;
  const picked = candidates[n - 1];
  if (!picked) return `There is no candidate ${n}; this language has ${candidates.length}.`;
  const keep = side === "chosen" ? pair.rejectedId : pair.chosenId;
  const current = side === "chosen" ? pair.chosenId : pair.rejectedId;
  const byScore = [...candidates].filter((c) => c.id !== picked.id).sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
  const fallback = side === "chosen" ? byScore[0] : byScore.at(-1);
  const other = keep !== null && keep !== picked.id ? keep : current !== null && current !== picked.id ? current : fallback?.id;
  if (other === undefined) return "A pair needs two different responses.";
  return side === "chosen" ? { chosenId: picked.id, rejectedId: other } : { chosenId: other, rejectedId: picked.id };
}
