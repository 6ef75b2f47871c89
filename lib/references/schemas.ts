import { z } from "zod";
import { ZId } from "@/lib/input-limits";

const ZReason = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .transform((r) => (r ? r : null));

export const ZPickReference = z.object({
  groupId: ZId,
  responseId: ZId,
  reason: ZReason,
});
export type TPickReference = z.output<typeof ZPickReference>;

export const ZEditReference = z.object({
  groupId: ZId,
  text: z
    .string()
    .max(100_000, "a reference is at most 100,000 characters")
    .refine((t) => t.trim() !== "", "the reference text is empty"),
  reason: ZReason,
});
export type TEditReference = z.output<typeof ZEditReference>;

export const ZUndoCorrection = z.object({
  groupId: ZId,
  /** The correction the reviewer saw as the latest; undo refuses when a newer one exists. */
  correctionId: ZId,
  reason: ZReason,
});
export type TUndoCorrection = z.output<typeof ZUndoCorrection>;
