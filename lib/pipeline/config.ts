import { z } from "zod";
import { isScorable } from "./candidates";
import type { GroupInput, ScorerName } from "./types";

export const ZSelectConfig = z.object({
  scorer: z.enum(["auto", "embedding", "answer", "lexical"]).default("auto"),
  /** Skip a score-based pair when CL(chosen) − CL(rejected) < margin (strictly below). */
  margin: z.number().min(0).default(0),
  languageGuard: z.boolean().default(true),
  /** With the guard on, a response with a smaller share of its letters in its language is `mixed`. */
  minTargetShare: z.number().min(0).max(1).default(0.8),
  /** Score, extract answers and detect languages on the whole text, reasoning trace included. */
  keepReasoning: z.boolean().default(false),
  /** `gold` (the most consistent English sample with the gold answer) is an upper bound to compare with, never the default. */
  reference: z.enum(["consistency", "first", "random", "gold"]).default("consistency"),
  pairs: z.enum(["consistency", "random"]).default("consistency"),
  seed: z.number().int().default(0),
  englishPairs: z.boolean().default(false),
  /** Tie-break scorer inside the answer scorer's classes. */
  secondary: z.enum(["lexical", "embedding"]).default("lexical"),
  /**
   * The vectors compare surface characters (the offline hashed embedder), so the embedding scorer,
   * like lexical, cannot rank responses written in another script than the reference.
   */
  surfaceVectors: z.boolean().default(false),
});

export type TSelectConfig = z.output<typeof ZSelectConfig>;
export type TSelectConfigInput = z.input<typeof ZSelectConfig>;

export const DEFAULT_SELECT_CONFIG: TSelectConfig = ZSelectConfig.parse({});

/**
 * The scorer a group is scored with. An explicit scorer is used as is. `auto`:
 * 1. the group has a non-blank gold answer → `answer` (a math/reasoning group);
 * 2. else every non-empty candidate has a vector → `embedding`;
 * 3. else `lexical` (needs no model).
 * Auto is resolved per group, so a run over a dataset with partial gold or partial
 * embeddings can mix scorers; every GroupSelection records the one it used.
 */
export function resolveScorer(config: Pick<TSelectConfig, "scorer">, group: GroupInput): ScorerName {
  if (config.scorer !== "auto") return config.scorer;
  if (group.gold !== null && group.gold.trim() !== "") return "answer";
  const nonEmpty = group.candidates.filter((c) => isScorable(c, "lexical"));
  if (nonEmpty.length > 0 && nonEmpty.every((c) => c.vector !== null && c.vector.length > 0)) return "embedding";
  return "lexical";
}
