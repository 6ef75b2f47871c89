"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireDatasetActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { startBulkJob, ZBulkStart } from "@/lib/pairs/bulk-in-dataset";

export async function startBulkAction(input: unknown) {
  const result = await runAction(ZBulkStart, input, async (data) => {
    const { actor, dataset } = await requireDatasetActor("review", data.slug);
    return startBulkJob(await getDatabase(), dataset.id, data, actor.userId);
  });
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}
