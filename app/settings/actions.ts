"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { updateProviderSettings } from "@/lib/providers/mutations";
import { ZProviderSettingsInput } from "@/lib/providers/settings";

export async function saveSettingsAction(input: unknown) {
  const result = await runAction(ZProviderSettingsInput, input, async (s) => {
    await requireActor("manage");
    await updateProviderSettings(s);
    return { saved: true };
  });
  if (result.ok) revalidatePath("/settings");
  return result;
}
