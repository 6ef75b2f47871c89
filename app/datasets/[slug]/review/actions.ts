"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { ZSlug } from "@/lib/datasets/schemas";
import { updateGuidelinesInDataset, ZGuidelines } from "@/lib/pairs/guidelines";
import { decideInDataset, undoInDataset, ZDecide, ZUndo } from "@/lib/pairs/review";

export async function decideAction(input: unknown) {
  const result = await runAction(z.object({ slug: ZSlug, input: ZDecide }), input, async ({ slug, input }) => {
    const actor = await requireActor("review", slug);
    return decideInDataset(slug, input, actor.userId);
  });
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}

export async function undoAction(input: unknown) {
  const result = await runAction(z.object({ slug: ZSlug, input: ZUndo }), input, async ({ slug, input }) => {
    const actor = await requireActor("review", slug);
    return undoInDataset(slug, input, actor.userId);
  });
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}

export async function saveGuidelinesAction(input: unknown) {
  const result = await runAction(ZGuidelines, input, async (data) => {
    const actor = await requireActor("manage", data.slug);
    return updateGuidelinesInDataset(data, actor.userId);
  });
  revalidatePath("/datasets/[slug]/review", "page");
  return result;
}
