import { canSeeDataset } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { findDatasetBySlug } from "@/lib/datasets/queries";
import { AppError } from "@/lib/errors";

export type ApiDataset = NonNullable<Awaited<ReturnType<typeof findDatasetBySlug>>>;

/**
 * The dataset of a `{slug}` path segment if the actor may see it. Unknown and malformed slugs answer
 * exactly like a restricted dataset the actor is not a member of (404, same body): no existence leak.
 */
export async function visibleDatasetOfSlug(actor: Actor, slug: string): Promise<ApiDataset> {
  const dataset = await findDatasetBySlug(slug);
  if (!dataset || !(await canSeeDataset(actor, dataset.id))) throw new AppError("NOT_FOUND", "No such dataset.");
  return dataset;
}
