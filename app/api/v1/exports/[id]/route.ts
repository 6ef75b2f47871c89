import { assertCan } from "@/lib/auth/access";
import { requireApiActor } from "@/lib/auth/bearer";
import { getDatabase } from "@/lib/db/client";
import { getExport } from "@/lib/exports/queries";
import { errorResponse, json, parseParam, sameAsMissing, ZPathId } from "../../_lib/http";
import { exportView } from "../../_lib/views";

export const dynamic = "force-dynamic";

/** GET /api/v1/exports/{id}: an export's status, config, counts and file manifest (sha256 per file). */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const db = await getDatabase();
    const actor = await requireApiActor(db, request, "read");
    const exportId = parseParam("id", (await ctx.params).id, ZPathId);
    const exp = await getExport(db, exportId);
    await sameAsMissing(assertCan(actor, "read", { id: exp.datasetId }), `No export ${exportId}.`);
    return json(exportView(exp));
  } catch (e) {
    return errorResponse(e);
  }
}
