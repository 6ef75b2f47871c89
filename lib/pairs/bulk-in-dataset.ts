import { z } from "zod";
import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { finishBulk, runBulkBatch, startBulk, ZBulkSpec } from "./bulk";
import { ZPairFilter } from "./table";

// The browser drives a bulk action batch by batch (one request each) and shows the progress.
export const ZBulkStart = z.object({ slug: z.string(), filter: ZPairFilter, spec: ZBulkSpec });
export const ZBulkStep = ZBulkStart.extend({ bulkId: z.number().int().positive(), afterId: z.number().int().nonnegative() });
export const ZBulkFinish = z.object({ slug: z.string(), bulkId: z.number().int().positive(), changed: z.number().int().nonnegative() });

export async function startBulkInDataset(input: z.infer<typeof ZBulkStart>) {
  const dataset = await getDatasetBySlug(input.slug);
  return startBulk(await getDatabase(), dataset.id, input.filter, input.spec);
}

export async function bulkStepInDataset(input: z.infer<typeof ZBulkStep>) {
  const dataset = await getDatasetBySlug(input.slug);
  return runBulkBatch(await getDatabase(), dataset.id, input.bulkId, input.filter, input.spec, input.afterId);
}

export async function finishBulkInDataset(input: z.infer<typeof ZBulkFinish>) {
  const dataset = await getDatasetBySlug(input.slug);
  await finishBulk(await getDatabase(), dataset.id, input.bulkId, input.changed);
  return { changed: input.changed };
}
