"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireDatasetActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { ZSlug } from "@/lib/datasets/schemas";
import { editReference } from "@/lib/references/edit-reference";
import { pickReference } from "@/lib/references/pick-reference";
import { undoCorrection } from "@/lib/references/undo-correction";
import type { CorrectionRecord } from "@/lib/references/apply-correction";
import { ZEditReference, ZPickReference, ZUndoCorrection } from "@/lib/references/schemas";

const ZPick = ZPickReference.extend({ slug: ZSlug });
const ZEdit = ZEditReference.extend({ slug: ZSlug });
const ZUndo = ZUndoCorrection.extend({ slug: ZSlug });

const summary = (r: CorrectionRecord) => ({ correctionId: r.correctionId, responseId: r.responseId });

function revalidate() {
  revalidatePath("/datasets/[slug]/groups/[groupId]", "page");
  revalidatePath("/datasets/[slug]", "layout");
}

export async function pickReferenceAction(input: unknown) {
  const result = await runAction(ZPick, input, async ({ slug, ...rest }) => {
    const { actor, dataset } = await requireDatasetActor("review", slug);
    return pickReference(await getDatabase(), dataset.id, rest, actor.userId).then(summary);
  });
  if (result.ok) revalidate();
  return result;
}

export async function editReferenceAction(input: unknown) {
  const result = await runAction(ZEdit, input, async ({ slug, ...rest }) => {
    const { actor, dataset } = await requireDatasetActor("review", slug);
    return editReference(await getDatabase(), dataset.id, rest, actor.userId).then(summary);
  });
  if (result.ok) revalidate();
  return result;
}

export async function undoCorrectionAction(input: unknown) {
  const result = await runAction(ZUndo, input, async ({ slug, ...rest }) => {
    const { actor, dataset } = await requireDatasetActor("review", slug);
    return undoCorrection(await getDatabase(), dataset.id, rest, actor.userId).then(summary);
  });
  if (result.ok) revalidate();
  return result;
}
