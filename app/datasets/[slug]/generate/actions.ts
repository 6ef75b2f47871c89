"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { startEmbedRun, startGenerateRun, ZEmbedForm, ZGenerateForm } from "@/lib/generate/start";

export async function startGenerateRunAction(input: unknown) {
  const result = await runAction(ZGenerateForm, input, async (form) => {
    const actor = await requireActor("manage", form.slug);
    return startGenerateRun(form, actor.userId);
  });
  if (result.ok) revalidatePath("/datasets/[slug]/generate", "page");
  return result;
}

export async function startEmbedRunAction(input: unknown) {
  const result = await runAction(ZEmbedForm, input, async (form) => {
    const actor = await requireActor("manage", form.slug);
    return startEmbedRun(form, actor.userId);
  });
  if (result.ok) revalidatePath("/datasets/[slug]/generate", "page");
  return result;
}
