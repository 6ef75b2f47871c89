"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { datasetOfRun } from "@/lib/auth/resources";
import { requireActor, requireDatasetActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { cancelRunById } from "@/lib/runs/cancel-run";
import { startSelectRun } from "@/lib/runs/start-select-run";
import { ZSlug } from "@/lib/datasets/schemas";
import { ZRunId } from "@/lib/runs/schemas";

const ZStartForm = z.object({
  slug: ZSlug,
  scorer: z.enum(["auto", "embedding", "answer", "lexical"]),
  margin: z.coerce.number().min(0).max(1),
  languageGuard: z.preprocess((v) => v === "on" || v === true, z.boolean()),
  minTargetShare: z.coerce.number().min(0).max(1).default(0.8),
  keepReasoning: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
  reference: z.enum(["consistency", "first", "random", "gold"]),
  pairs: z.enum(["consistency", "random"]),
  seed: z.coerce.number().int().min(0),
});

export async function startSelectRunAction(input: unknown) {
  const result = await runAction(ZStartForm, input, async ({ slug, ...config }) => {
    const { actor, dataset } = await requireDatasetActor("manage", slug);
    return startSelectRun(await getDatabase(), dataset.id, config, actor.userId);
  });
  if (result.ok) revalidatePath("/datasets/[slug]/runs/(list)", "page");
  return result;
}

export async function cancelRunAction(input: unknown) {
  const result = await runAction(z.object({ runId: ZRunId }), input, async ({ runId }) => {
    const actor = await requireActor("manage", () => datasetOfRun(runId));
    return cancelRunById(runId, actor.userId);
  });
  if (result.ok) revalidatePath("/datasets/[slug]/runs/(list)", "page");
  return result;
}
