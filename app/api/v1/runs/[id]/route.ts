import { withApiRecord } from "../../_lib/guard";
import { json } from "../../_lib/http";
import { RUN } from "../../_lib/records";

export const dynamic = "force-dynamic";

/** GET /api/v1/runs/{id}: a run's status, progress, config and summary. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiRecord(request, ctx.params, "read", RUN, async ({ record: run }) => json(run));
}
