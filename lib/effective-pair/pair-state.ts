import { z } from "zod";
import { raw, sql, type Sql } from "@/lib/db/sql";
import { proposalColumns, proposalShape, proposalValues } from "./auto-proposal";

/** An effective pair as the group page and the review detail show it, read by `pairStateColumns`. */
export const ZPairState = z.object({
  language: z.string(),
  ...proposalShape,
  status: z.string(),
  origin: z.string(),
  conflict: z.boolean(),
  offTarget: z.boolean(),
  flagged: z.boolean(),
  flagReason: z.string().nullable(),
  version: z.number(),
  /** Why chosen beats rejected while the pair is the automatic proposal (score | language_guard | random); null otherwise. */
  basis: z.string().nullable(),
  /** The pair's own skip's detail; the automatic proposal's skip (for a human pair in conflict: why the method proposes none). */
  skipDetail: z.string().nullable(),
  proposedSkipReason: z.string().nullable(),
  proposedSkipDetail: z.string().nullable(),
});
export type EffectivePairState = z.infer<typeof ZPairState>;

/** The columns of `ZPairState` for the pair aliased `pair`, with `autoProposalJoin(pair)`. */
export function pairStateColumns(pair: string): Sql {
  const p = raw(pair);
  return sql`${p}.language, ${proposalValues(pair)}, ${p}.status::text AS status, ${p}.origin::text AS origin, ${p}.conflict,
             ${p}.off_target AS "offTarget", ${p}.flagged, ${p}.flag_reason AS "flagReason", ${p}.version, ${proposalColumns(pair)}`;
}
