"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { ZSlug } from "@/lib/datasets/schemas";
import { editReferenceInDataset, pickReferenceInDataset, undoCorrectionInDataset } from "@/lib/references/mutations";
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
    const actor = await requireActor("review", slug);
    return pickReferenceInDataset(slug, rest, actor.userId).then(summary);
  });
  if (result.ok) revalidate();
  return result;
}

export async function editReferenceAction(input: unknown) {
  const result = await runAction(ZEdit, input, async ({ slug, ...rest }) => {
    const actor = await requireActor("review", slug);
    return editReferenceInDataset(slug, rest, actor.userId).then(summary);
  });
  if (result.ok) revalidate();
  return result;
}

export async function undoCorrectionAction(input: unknown) {
  const result = await runAction(ZUndo, input, async ({ slug, ...rest }) => {
    const actor = await requireActor("review", slug);
    return undoCorrectionInDataset(slug, rest, actor.userId).then(summary);
  });
  if (result.ok) revalidate();
  return result;
}
