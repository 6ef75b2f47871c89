"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { requireDatasetActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { ZSlug } from "@/lib/datasets/schemas";
import { updateGuidelines, ZGuidelines } from "@/lib/pairs/guidelines";
import { decideOrConflict, undoOrConflict, ZDecide, ZUndo } from "@/lib/pairs/review";

export async function decideAction(input: unknown) {
  const result = await runAction(z.object({ slug: ZSlug, input: ZDecide }), input, async ({ slug, input }) => {
    const { actor, dataset } = await requireDatasetActor("review", slug);
    return decideOrConflict(await getDatabase(), dataset.id, input, actor.userId);
  });
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}

export async function undoAction(input: unknown) {
  const result = await runAction(z.object({ slug: ZSlug, input: ZUndo }), input, async ({ slug, input }) => {
    const { actor, dataset } = await requireDatasetActor("review", slug);
    return undoOrConflict(await getDatabase(), dataset.id, input, actor.userId);
  });
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}

export async function saveGuidelinesAction(input: unknown) {
  const result = await runAction(ZGuidelines, input, async (data) => {
    const { actor, dataset } = await requireDatasetActor("manage", data.slug);
    return updateGuidelines(await getDatabase(), dataset.id, data.guidelines, actor.userId);
  });
  revalidatePath("/datasets/[slug]/review", "page");
  return result;
}
