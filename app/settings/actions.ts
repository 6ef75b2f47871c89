"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { updateProviderSettings } from "@/lib/llm/providers/mutations";
import { ZProviderSettingsInput } from "@/lib/llm/providers/settings";

export async function saveSettingsAction(input: unknown) {
  const result = await runAction(ZProviderSettingsInput, input, async (s) => {
    await requireActor("manage");
    await updateProviderSettings(s);
    return { saved: true };
  });
  if (result.ok) revalidatePath("/settings");
  return result;
}
