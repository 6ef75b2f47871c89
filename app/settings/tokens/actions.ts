"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { requireActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { ZId } from "@/lib/input-limits";

const ZCreate = z.object({ name: z.string().trim().min(1, "give the token a name").max(100, "at most 100 characters") });

/** Creates a token for the signed-in user; the secret is in this one response and nowhere else. */
export async function createTokenAction(input: unknown) {
  const result = await runAction(ZCreate, input, async ({ name }) => {
    const actor = await requireActor("read");
    const { token, view } = await createApiToken(await getDatabase(), actor.userId, name);
    return { token, id: view.id, prefix: view.prefix };
  });
  if (result.ok) revalidatePath("/settings/tokens");
  return result;
}

/** Revokes one of the user's own tokens; admins may revoke anyone's. */
export async function revokeTokenAction(input: unknown) {
  const result = await runAction(z.object({ tokenId: ZId }), input, async ({ tokenId }) => {
    const actor = await requireActor("read");
    const view = await revokeApiToken(await getDatabase(), tokenId, { userId: actor.userId, anyUser: actor.role === "admin" });
    return { id: view.id, revokedAt: view.revokedAt };
  });
  if (result.ok) revalidatePath("/settings/tokens");
  return result;
}
