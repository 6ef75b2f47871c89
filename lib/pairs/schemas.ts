import { z } from "zod";
import { ZCount, ZId } from "@/lib/input-limits";

/** Decision reasons and flag reasons alike. */
export const REASON_MAX_CHARS = 2000;
const ZReason = z.string().max(REASON_MAX_CHARS, `a reason is at most ${REASON_MAX_CHARS} characters`);

export const ZDecisionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept") }),
  z.object({ action: z.literal("reject") }),
  z.object({ action: z.literal("swap") }),
  z.object({ action: z.literal("reset") }),
  z.object({ action: z.literal("flag"), reason: ZReason.min(1, "say why the pair is flagged") }),
  z.object({ action: z.literal("choose"), chosenId: ZId, rejectedId: ZId }),
]);

export const ZDecide = z.object({
  pairId: ZId,
  /** The pair version the reviewer saw; a newer version means someone else decided first. */
  expectedVersion: ZCount,
  reason: ZReason.optional(),
  decision: ZDecisionInput,
});
export type TDecide = z.infer<typeof ZDecide>;
