import { releaseLease } from "@/lib/review/leases";
import { withApiRecord } from "../../_lib/guard";
import { LEASE } from "../../_lib/records";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/leases/{id} (reviewer): gives the pair back to the queue; 204 (also when it had already ended). */
export async function DELETE(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiRecord(request, ctx.params, "review", LEASE, async ({ db, actor, id }) => {
    await releaseLease(db.pool, id, actor.userId);
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  });
}
