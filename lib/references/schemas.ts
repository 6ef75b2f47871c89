import { z } from "zod";

const ZReason = z.string().trim().max(2000).optional().transform((r) => (r ? r : null));

export const ZPickReference = z.object({
  groupId: z.number().int().positive(),
  responseId: z.number().int().positive(),
  reason: ZReason,
});
export type TPickReference = z.output<typeof ZPickReference>;

export const ZEditReference = z.object({
  groupId: z.number().int().positive(),
  text: z.string().max(100_000, "a reference is at most 100,000 characters").refine((t) => t.trim() !== "", "the reference text is empty"),
  reason: ZReason,
});
export type TEditReference = z.output<typeof ZEditReference>;

export const ZUndoCorrection = z.object({
  groupId: z.number().int().positive(),
  /** The correction the reviewer saw as the latest; undo refuses when a newer one exists. */
  correctionId: z.number().int().positive(),
  reason: ZReason,
});
export type TUndoCorrection = z.output<typeof ZUndoCorrection>;
