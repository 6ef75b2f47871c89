import { getPairDetail } from "@/lib/pairs/detail";
import { withApiRecord } from "../../_lib/guard";
import { json } from "../../_lib/http";
import { PAIR } from "../../_lib/records";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/pairs/{id}: a pair with its texts, every candidate response (ids for a `choose`
 * decision), the reference and the decision history; `pair.version` is the `expectedVersion` to send.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiRecord(request, ctx.params, "read", PAIR, async ({ db, id, record: pair }) =>
    json(await getPairDetail(db, pair.datasetId, id)),
  );
}
