"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { datasetOfExport } from "@/lib/auth/resources";
import { requireActor, requireDatasetActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { ZSlug } from "@/lib/datasets/schemas";
import { cancelExportById } from "@/lib/export/snapshots/cancel-export";
import { ZExportForm } from "@/lib/export/snapshots/form";
import { startExport } from "@/lib/export/snapshots/start-export";
import { ZId } from "@/lib/input-limits";

export async function createExportAction(input: unknown) {
  const result = await runAction(ZExportForm.extend({ slug: ZSlug }), input, async ({ slug, ...request }) => {
    const { actor, dataset } = await requireDatasetActor("export", slug);
    return startExport(await getDatabase(), dataset.id, request, actor.userId);
  });
  if (result.ok) revalidatePath("/datasets/[slug]/exports", "page");
  return result;
}

export async function cancelExportAction(input: unknown) {
  const result = await runAction(z.object({ exportId: ZId }), input, async ({ exportId }) => {
    const actor = await requireActor("export", () => datasetOfExport(exportId));
    return cancelExportById(exportId, actor.userId);
  });
  if (result.ok) revalidatePath("/datasets/[slug]/exports", "page");
  return result;
}
