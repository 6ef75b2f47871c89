"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { bulkStepInDataset, finishBulkInDataset, startBulkInDataset, ZBulkFinish, ZBulkStart, ZBulkStep } from "@/lib/pairs/bulk-in-dataset";

export async function startBulkAction(input: unknown) {
  return runAction(ZBulkStart, input, startBulkInDataset);
}

export async function bulkStepAction(input: unknown) {
  return runAction(ZBulkStep, input, bulkStepInDataset);
}

export async function finishBulkAction(input: unknown) {
  const result = await runAction(ZBulkFinish, input, finishBulkInDataset);
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}
