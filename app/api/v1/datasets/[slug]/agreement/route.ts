import { getAgreement } from "@/lib/review/agreement";
import { withApiDataset } from "../../../_lib/guard";
import { json } from "../../../_lib/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/datasets/{slug}/agreement: Krippendorff's alpha per language over votes relative to the
 * method's pair, each reviewer's agreement and speed, the method's calibration per margin bucket and
 * position bias in blind mode; read from the review ledgers.
 */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "read", async ({ db, dataset }) => json(await getAgreement(db.pool, dataset.id)));
}
