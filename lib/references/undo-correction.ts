import { AppError } from "@/lib/errors";
import { correctionUseCase } from "./apply-correction";
import type { TUndoCorrection } from "./schemas";

/**
 * Undoes the group's latest correction: appends an `undo` correction that restores the reference
 * it replaced and recomputes the pairs again. Only the latest, still effective correction can be undone.
 */
export const undoCorrection = correctionUseCase<TUndoCorrection>(async (ctx, input) => {
  const latest = ctx.current.correction;
  if (!latest) throw new AppError("BAD_INPUT", "This group has no reference correction in effect to undo.");
  if (latest.id !== input.correctionId) {
    throw new AppError("CONFLICT", "The reference was corrected again meanwhile; showing its current state.", {
      correctionId: latest.id,
    });
  }
  return { kind: "undo", responseId: latest.previousResponseId, reason: input.reason, undoesId: latest.id };
});
