import { castVote } from "@/lib/review/cast-vote";
import { ZVote } from "@/lib/review/schemas";
import { withApiRecord } from "../../../_lib/guard";
import { json, parseBody } from "../../../_lib/http";
import { PAIR } from "../../../_lib/records";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/pairs/{id}/votes (reviewer): `{ leaseId, preferred: <responseId> | "tie" | "both_bad", reason? }`
 * → 201 with the pair's consensus; 409 when the lease expired, was taken over or is not the caller's.
 */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiRecord(request, ctx.params, "review", PAIR, async ({ db, actor, id }) => {
    const vote = await parseBody(request, ZVote);
    return json(await castVote(db, id, actor.userId, vote), 201);
  });
}
