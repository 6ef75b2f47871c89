import { z } from "zod";
import { updateUser } from "@/lib/auth/accounts";
import { ZLanguageCode } from "@/lib/input-limits";
import { withApiActor } from "../../_lib/guard";
import { json, parseBody, parseParam, ZPathId } from "../../_lib/http";

export const dynamic = "force-dynamic";

const ZPatch = z
  .strictObject({ disabled: z.boolean().optional(), languages: z.array(ZLanguageCode).max(64).optional() })
  .refine((p) => p.disabled !== undefined || p.languages !== undefined, "send disabled, languages or both");

/**
 * PATCH /api/v1/users/{id} (admin) `{"disabled"?: true|false, "languages"?: ["de", "ar"]}`: disabling
 * refuses the user's sign-in, sessions and API tokens at once (sessions end, tokens are revoked); 409
 * for the last enabled admin. `languages` are the ones the user reviews in team review (empty = all).
 * Answers the user `{ id, email, name, role, disabled, languages }`.
 */
export async function PATCH(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiActor(request, "manage", async ({ db, actor }) => {
    const id = parseParam("id", (await ctx.params).id, ZPathId);
    const body = await parseBody(request, ZPatch);
    return json(await updateUser(db, { userId: id }, body, actor.userId));
  });
}
