import "server-only";
import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import type { CorrectionRecord } from "./apply-correction";
import { editReference } from "./edit-reference";
import { pickReference } from "./pick-reference";
import type { TEditReference, TPickReference, TUndoCorrection } from "./schemas";
import { undoCorrection } from "./undo-correction";

/** Entry points for server actions: resolve the dataset by slug, then correct within it. */
export async function pickReferenceInDataset(slug: string, input: TPickReference, userId: number | null = null): Promise<CorrectionRecord> {
  const [db, dataset] = await Promise.all([getDatabase(), getDatasetBySlug(slug)]);
  return pickReference(db, dataset.id, input, userId);
}

export async function editReferenceInDataset(slug: string, input: TEditReference, userId: number | null = null): Promise<CorrectionRecord> {
  const [db, dataset] = await Promise.all([getDatabase(), getDatasetBySlug(slug)]);
  return editReference(db, dataset.id, input, userId);
}

export async function undoCorrectionInDataset(slug: string, input: TUndoCorrection, userId: number | null = null): Promise<CorrectionRecord> {
  const [db, dataset] = await Promise.all([getDatabase(), getDatasetBySlug(slug)]);
  return undoCorrection(db, dataset.id, input, userId);
}
