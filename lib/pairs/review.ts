import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { ZCount, ZId } from "@/lib/input-limits";
import { decidePair } from "./decide";
import { getPairDetail, type PairDetail } from "./detail";
import { ZDecide, type TDecide } from "./schemas";
import { undoDecision } from "./undo";

export const ZUndo = z.object({
  pairId: ZId,
  decisionId: ZId,
  expectedVersion: ZCount,
});
export type TUndo = z.infer<typeof ZUndo>;
export { ZDecide };

/** What the review queue gets back: the pair as it is now, and whether the change was applied. */
export type ReviewOutcome =
  | { applied: true; decisionId: number; detail: PairDetail }
  | { applied: false; conflict: string; detail: PairDetail };

async function orConflict(
  db: Database,
  datasetId: number,
  pairId: number,
  change: () => Promise<{ decisionId: number }>,
): Promise<ReviewOutcome> {
  try {
    const { decisionId } = await change();
    return { applied: true, decisionId, detail: await getPairDetail(db, datasetId, pairId) };
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT")
      return { applied: false, conflict: e.message, detail: await getPairDetail(db, datasetId, pairId) };
    throw e;
  }
}

/** A decision from the queue; a stale reviewer gets the conflict message and the fresh state. */
export function decideOrConflict(db: Database, datasetId: number, input: TDecide, userId: number | null = null): Promise<ReviewOutcome> {
  return orConflict(db, datasetId, input.pairId, () => decidePair(db, datasetId, input, userId));
}

export function undoOrConflict(db: Database, datasetId: number, input: TUndo, userId: number | null = null): Promise<ReviewOutcome> {
  return orConflict(db, datasetId, input.pairId, () => undoDecision(db, datasetId, input, userId));
}
