import { datasetStats } from "@/lib/datasets/queries";
import { pairCountsByLanguage } from "@/lib/pairs/queries";
import { withApiDataset } from "../../_lib/guard";
import { json } from "../../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/datasets/{slug}: the dataset, its counts and its effective pairs per language and status. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "read", async ({ db, dataset }) => {
    const [{ datasetId: _id, ...stats }, pairs] = await Promise.all([datasetStats(dataset.slug), pairCountsByLanguage(db, dataset.id)]);
    return json({
      id: dataset.id,
      slug: dataset.slug,
      name: dataset.name,
      task: dataset.task,
      pivotLanguage: dataset.pivotLanguage,
      languages: dataset.languages,
      description: dataset.description,
      createdAt: dataset.createdAt,
      stats,
      pairs,
    });
  });
}
