import { adjudicatePair } from "@/lib/review/adjudicate";
import { ZAdjudication } from "@/lib/review/schemas";
import { withApiRecord } from "../../../_lib/guard";
import { json, parseBody } from "../../../_lib/http";
import { PAIR } from "../../../_lib/records";

export const dynamic = "force-dynamic";

/** POST /api/v1/pairs/{id}/adjudication (admin): `{ preferred, reason }` settles the pair; recorded as an adjudication. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiRecord(request, ctx.params, "manage", PAIR, async ({ db, actor, id, record }) => {
    const verdict = await parseBody(request, ZAdjudication);
    return json(await adjudicatePair(db, record.datasetId, id, actor.userId, verdict), 201);
  });
}
