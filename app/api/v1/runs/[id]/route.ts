import { assertCan } from "@/lib/auth/access";
import { requireApiActor } from "@/lib/auth/bearer";
import { getDatabase } from "@/lib/db/client";
import { getRun } from "@/lib/runs/queries";
import { errorResponse, json, parseParam, sameAsMissing, ZPathId } from "../../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/runs/{id}: a run's status, progress, config and summary. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const db = await getDatabase();
    const actor = await requireApiActor(db, request, "read");
    const runId = parseParam("id", (await ctx.params).id, ZPathId);
    const run = await getRun(db, runId);
    await sameAsMissing(assertCan(actor, "read", { id: run.datasetId }), `No run ${runId}.`);
    return json(run);
  } catch (e) {
    return errorResponse(e);
  }
}
