import { assertCan } from "@/lib/auth/access";
import { requireApiActor } from "@/lib/auth/bearer";
import { getDatabase } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { decideOrConflict } from "@/lib/pairs/review";
import { ZDecide } from "@/lib/pairs/schemas";
import { errorResponse, json, parseBody, parseParam, sameAsMissing, ZPathId } from "../../../_lib/http";

export const dynamic = "force-dynamic";

/** `{ expectedVersion, decision: { action, ... }, reason? }`: the review queue's decision without the pair id (it is in the path). */
const ZBody = ZDecide.omit({ pairId: true }).strict();

/**
 * POST /api/v1/pairs/{id}/decisions (reviewer): appends a decision. `expectedVersion` is the pair's
 * version the caller saw; when someone decided meanwhile the answer is 409 with the pair as it is now.
 */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const db = await getDatabase();
    const actor = await requireApiActor(db, request, "review");
    const pairId = parseParam("id", (await ctx.params).id, ZPathId);
    const pair = await db.prisma.pair.findUnique({ where: { id: pairId }, select: { datasetId: true } });
    if (!pair) throw new AppError("NOT_FOUND", `No pair ${pairId}.`);
    await sameAsMissing(assertCan(actor, "review", { id: pair.datasetId }), `No pair ${pairId}.`);
    const body = await parseBody(request, ZBody);
    const outcome = await decideOrConflict(db, pair.datasetId, { ...body, pairId }, actor.userId);
    if (!outcome.applied) return json({ error: outcome.conflict, pair: outcome.detail }, 409);
    return json({ decisionId: outcome.decisionId, pair: outcome.detail }, 201);
  } catch (e) {
    return errorResponse(e);
  }
}
