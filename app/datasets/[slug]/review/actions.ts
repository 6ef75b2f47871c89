"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { ZSlug } from "@/lib/datasets/schemas";
import { decideInDataset, undoInDataset, ZDecide, ZUndo } from "@/lib/pairs/review";

export async function decideAction(input: unknown) {
  const result = await runAction(z.object({ slug: ZSlug, input: ZDecide }), input, ({ slug, input }) => decideInDataset(slug, input));
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}

export async function undoAction(input: unknown) {
  const result = await runAction(z.object({ slug: ZSlug, input: ZUndo }), input, ({ slug, input }) => undoInDataset(slug, input));
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}
