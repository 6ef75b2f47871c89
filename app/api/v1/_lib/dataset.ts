import { findDatasetBySlug } from "@/lib/datasets/queries";
import { AppError } from "@/lib/errors";

/** The dataset of a `{slug}` path segment; unknown and malformed slugs answer like hidden ones (404). */
export async function datasetOfSlug(slug: string) {
  const dataset = await findDatasetBySlug(slug);
  if (!dataset) throw new AppError("NOT_FOUND", "No such dataset.");
  return dataset;
}
