import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { applyCorrection, withGroupLock, type CorrectionRecord } from "./apply-correction";
import type { TUndoCorrection } from "./schemas";

/**
 * Undoes the group's latest correction: appends an `undo` correction that restores the reference
 * it replaced and recomputes the pairs again. Only the latest, still effective correction can be undone.
 */
export async function undoCorrection(
  db: Database,
  datasetId: number,
  input: TUndoCorrection,
  userId: number | null = null,
): Promise<CorrectionRecord> {
  return withGroupLock(db, datasetId, input.groupId, async (ctx) => {
    const latest = ctx.current.correction;
    if (!latest) throw new AppError("BAD_INPUT", "This group has no reference correction in effect to undo.");
    if (latest.id !== input.correctionId) {
      throw new AppError("CONFLICT", "The reference was corrected again meanwhile; showing its current state.", {
        correctionId: latest.id,
      });
    }
    const restore = { kind: "undo" as const, responseId: latest.previousResponseId, reason: input.reason, undoesId: latest.id };
    return applyCorrection(ctx, datasetId, input.groupId, restore, userId);
  });
}
