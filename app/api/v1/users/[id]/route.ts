import { z } from "zod";
import { setUserDisabled } from "@/lib/auth/accounts";
import { withApiActor } from "../../_lib/guard";
import { json, parseBody, parseParam, ZPathId } from "../../_lib/http";

export const dynamic = "force-dynamic";

const ZPatch = z.strictObject({ disabled: z.boolean() });

/**
 * PATCH /api/v1/users/{id} (admin) `{"disabled": true|false}`: disabling refuses the user's sign-in,
 * sessions and API tokens at once (sessions end, tokens are revoked); 409 for the last enabled admin.
 * Answers the user `{ id, email, name, role, disabled }`.
 */
export async function PATCH(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiActor(request, "manage", async ({ db, actor }) => {
    const id = parseParam("id", (await ctx.params).id, ZPathId);
    const body = await parseBody(request, ZPatch);
    return json(await setUserDisabled(db, { userId: id }, body.disabled, actor.userId));
  });
}
