import type { Consensus } from "@/lib/pipeline/consensus";

/** Pair flags, consensus values and sort columns; importable from client components (no server code). */
export const PAIR_FLAGS = ["conflict", "offTarget", "mixed", "skipped", "flagged", "lowCons"] as const;
export type PairFlag = (typeof PAIR_FLAGS)[number];

/** A paired response with a smaller share of its letters in its language is "mixed language" (a run's default threshold). */
export const MIXED_SHARE = 0.8;

/** A reference whose Cons is below this is "low reference consistency". */
export const LOW_CONS = 0.5;

export const SORT_COLUMNS = ["margin", "scoreChosen", "scoreRejected", "group", "id"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** A pair's team-review consensus (DESIGN §3); pairs nobody voted on are `pending`. */
export const CONSENSUS_VALUES = ["pending", "unanimous", "majority", "disputed", "adjudicated"] as const satisfies readonly Consensus[];
