import { decideOrConflict } from "@/lib/pairs/review";
import { ZDecide } from "@/lib/pairs/schemas";
import { withApiRecord } from "../../../_lib/guard";
import { json, parseBody } from "../../../_lib/http";
import { PAIR } from "../../../_lib/records";

export const dynamic = "force-dynamic";

/** `{ expectedVersion, decision: { action, ... }, reason? }`: the review queue's decision without the pair id (it is in the path). */
const ZBody = ZDecide.omit({ pairId: true }).strict();

/**
 * POST /api/v1/pairs/{id}/decisions (reviewer): appends a decision. `expectedVersion` is the pair's
 * version the caller saw; when someone decided meanwhile the answer is 409 with the pair as it is now.
 */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiRecord(request, ctx.params, "review", PAIR, async ({ db, actor, id, record: pair }) => {
    const body = await parseBody(request, ZBody);
    const outcome = await decideOrConflict(db, pair.datasetId, { ...body, pairId: id }, actor.userId);
    if (!outcome.applied) return json({ error: outcome.conflict, pair: outcome.detail }, 409);
    return json({ decisionId: outcome.decisionId, pair: outcome.detail }, 201);
  });
}
