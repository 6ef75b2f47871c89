import { assertCan } from "@/lib/auth/access";
import { requireApiActor } from "@/lib/auth/bearer";
import { getDatabase } from "@/lib/db/client";
import { datasetStats } from "@/lib/datasets/queries";
import { pairCountsByLanguage } from "@/lib/pairs/queries";
import { datasetOfSlug } from "../../_lib/dataset";
import { errorResponse, json } from "../../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/datasets/{slug}: the dataset, its counts and its effective pairs per language and status. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  try {
    const db = await getDatabase();
    const actor = await requireApiActor(db, request, "read");
    const dataset = await datasetOfSlug((await ctx.params).slug);
    await assertCan(actor, "read", dataset);
    const [{ datasetId: _id, ...stats }, pairs] = await Promise.all([datasetStats(dataset.slug), pairCountsByLanguage(db, dataset.id)]);
    return json({
      id: dataset.id, slug: dataset.slug, name: dataset.name, task: dataset.task, pivotLanguage: dataset.pivotLanguage,
      languages: dataset.languages, description: dataset.description, createdAt: dataset.createdAt, stats, pairs,
    });
  } catch (e) {
    return errorResponse(e);
  }
}
