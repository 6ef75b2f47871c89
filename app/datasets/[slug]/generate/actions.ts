"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { startEmbedRun, startGenerateRun, ZEmbedForm, ZGenerateForm } from "@/lib/generate/start";

export async function startGenerateRunAction(input: unknown) {
  const result = await runAction(ZGenerateForm, input, (form) => startGenerateRun(form));
  if (result.ok) revalidatePath("/datasets/[slug]/generate", "page");
  return result;
}

export async function startEmbedRunAction(input: unknown) {
  const result = await runAction(ZEmbedForm, input, (form) => startEmbedRun(form));
  if (result.ok) revalidatePath("/datasets/[slug]/generate", "page");
  return result;
}
