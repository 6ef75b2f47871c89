"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireDatasetActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { startEmbedRun, startGenerateRun, ZEmbedForm, ZGenerateForm } from "@/lib/llm/generate/start";

export async function startGenerateRunAction(input: unknown) {
  const result = await runAction(ZGenerateForm, input, async (form) => {
    const { actor, dataset } = await requireDatasetActor("manage", form.slug);
    return startGenerateRun(await getDatabase(), dataset.id, form, actor.userId);
  });
  if (result.ok) revalidatePath("/datasets/[slug]/generate", "page");
  return result;
}

export async function startEmbedRunAction(input: unknown) {
  const result = await runAction(ZEmbedForm, input, async (form) => {
    const { actor, dataset } = await requireDatasetActor("manage", form.slug);
    return startEmbedRun(await getDatabase(), dataset.id, form, actor.userId);
  });
  if (result.ok) revalidatePath("/datasets/[slug]/generate", "page");
  return result;
}
