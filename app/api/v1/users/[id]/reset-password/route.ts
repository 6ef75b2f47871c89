import { resetPassword } from "@/lib/auth/accounts";
import { withApiActor } from "../../../_lib/guard";
import { json, parseParam, ZPathId } from "../../../_lib/http";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/users/{id}/reset-password (admin): a new one-time password, answered once as
 * `{ id, email, oneTimePassword }`; the user's sessions end and their API tokens are revoked.
 */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiActor(request, "manage", async ({ db, actor }) => {
    const id = parseParam("id", (await ctx.params).id, ZPathId);
    const { userId, email, password } = await resetPassword(db, { userId: id }, actor.userId);
    return json({ id: userId, email, oneTimePassword: password });
  });
}
