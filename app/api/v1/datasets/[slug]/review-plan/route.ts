import { getReviewPlan, setReviewPlan } from "@/lib/review/review-plan";
import { ZReviewPlan } from "@/lib/review/schemas";
import { withApiDataset } from "../../../_lib/guard";
import { json, parseBody } from "../../../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/datasets/{slug}/review-plan: votes per pair, order, blind mode, lease minutes (the default plan when none was set). */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "read", async ({ db, dataset }) => json(await getReviewPlan(db.pool, dataset.id)));
}

/** PUT /api/v1/datasets/{slug}/review-plan (admin): `{ votesPerPair: 1-5, order, blind, leaseMinutes: 1-120 }`. */
export async function PUT(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "manage", async ({ db, actor, dataset }) => {
    const plan = await parseBody(request, ZReviewPlan);
    return json(await setReviewPlan(db, dataset.id, plan, actor.userId));
  });
}
