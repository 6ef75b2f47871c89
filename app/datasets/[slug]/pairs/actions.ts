"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { cancelBulkInDataset, startBulkInDataset, ZBulkCancel, ZBulkStart } from "@/lib/pairs/bulk-in-dataset";

export async function startBulkAction(input: unknown) {
  const result = await runAction(ZBulkStart, input, async (data) => {
    const actor = await requireActor("review", data.slug);
    return startBulkInDataset(data, actor.userId);
  });
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}

export async function cancelBulkAction(input: unknown) {
  const result = await runAction(ZBulkCancel, input, async (data) => {
    const actor = await requireActor("review", data.slug);
    return cancelBulkInDataset(data, actor.userId);
  });
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}
