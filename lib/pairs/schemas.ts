import { z } from "zod";

export const ZDecisionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept") }),
  z.object({ action: z.literal("reject") }),
  z.object({ action: z.literal("swap") }),
  z.object({ action: z.literal("reset") }),
  z.object({ action: z.literal("flag"), reason: z.string().min(1, "say why the pair is flagged") }),
  z.object({ action: z.literal("choose"), chosenId: z.number().int().positive(), rejectedId: z.number().int().positive() }),
]);

export const ZDecide = z.object({
  pairId: z.number().int().positive(),
  /** The pair version the reviewer saw; a newer version means someone else decided first. */
  expectedVersion: z.number().int().nonnegative(),
  reason: z.string().max(2000).optional(),
  decision: ZDecisionInput,
});
export type TDecide = z.infer<typeof ZDecide>;
