import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { pageDataset } from "@/lib/auth/page-guard";
import { getDatabase } from "@/lib/db/client";
import { ZGroupId } from "@/lib/datasets/schemas";
import { groupExists } from "@/lib/groups/queries";

const renderGroupExists = cache(async (datasetId: number, groupId: number) => groupExists(await getDatabase(), datasetId, groupId));

/**
 * The group the URL names, with its dataset and the actor; an unknown or malformed id is a 404. Only
 * a key probe: the layout awaits it before the loading skeleton, the page then reads the group's view.
 */
export async function pageGroup(params: { slug: string; groupId: string }) {
  const groupId = ZGroupId.safeParse(params.groupId);
  if (!groupId.success) notFound();
  const { actor, dataset } = await pageDataset(params.slug);
  if (!(await renderGroupExists(dataset.id, groupId.data))) notFound();
  return { actor, dataset, groupId: groupId.data };
}
