import { assertCan } from "@/lib/auth/access";
import { requireApiActor } from "@/lib/auth/bearer";
import { getDatabase } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getPairDetail } from "@/lib/pairs/detail";
import { errorResponse, json, parseParam, sameAsMissing, ZPathId } from "../../_lib/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/pairs/{id}: a pair with its texts, every candidate response (ids for a `choose`
 * decision), the reference and the decision history; `pair.version` is the `expectedVersion` to send.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const db = await getDatabase();
    const actor = await requireApiActor(db, request, "read");
    const pairId = parseParam("id", (await ctx.params).id, ZPathId);
    const pair = await db.prisma.pair.findUnique({ where: { id: pairId }, select: { datasetId: true } });
    if (!pair) throw new AppError("NOT_FOUND", `No pair ${pairId}.`);
    await sameAsMissing(assertCan(actor, "read", { id: pair.datasetId }), `No pair ${pairId}.`);
    return json(await getPairDetail(db, pair.datasetId, pairId));
  } catch (e) {
    return errorResponse(e);
  }
}
