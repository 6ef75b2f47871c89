import { withApiRecord } from "../../_lib/guard";
import { json } from "../../_lib/http";
import { EXPORT } from "../../_lib/records";
import { exportView } from "../../_lib/views";

export const dynamic = "force-dynamic";

/** GET /api/v1/exports/{id}: an export's status, config, counts and file manifest (sha256 per file). */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiRecord(request, ctx.params, "read", EXPORT, async ({ record: exp }) => json(exportView(exp)));
}
