import { heartbeatLease } from "@/lib/review/leases";
import { withApiRecord } from "../../../_lib/guard";
import { json } from "../../../_lib/http";
import { LEASE } from "../../../_lib/records";

export const dynamic = "force-dynamic";

/** POST /api/v1/leases/{id}/heartbeat (reviewer): extends the caller's lease; 409 when it expired or is not theirs. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiRecord(request, ctx.params, "review", LEASE, async ({ db, actor, id }) =>
    json(await heartbeatLease(db.pool, id, actor.userId)),
  );
}
