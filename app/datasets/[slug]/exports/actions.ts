"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { ZSlug } from "@/lib/datasets/schemas";
import { ZExportForm } from "@/lib/exports/form";
import { startExport } from "@/lib/exports/start-export";

export async function createExportAction(input: unknown) {
  const result = await runAction(ZExportForm.extend({ slug: ZSlug }), input, ({ slug, ...request }) => startExport(slug, request));
  if (result.ok) revalidatePath("/datasets/[slug]/exports", "page");
  return result;
}
