import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { pageDataset } from "@/lib/auth/page-guard";
import { getDatabase } from "@/lib/db/client";
import { findRun } from "@/lib/runs/queries";
import { ZRunId } from "@/lib/runs/schemas";

// Once per render: the layout's 404 check, the title and the page share one read of the run.
const renderRun = cache(async (datasetId: number, runId: number) => findRun(await getDatabase(), datasetId, runId));

/** The run the URL names, with its dataset and the actor; an unknown or malformed id is a 404. */
export async function pageRun(params: { slug: string; runId: string }) {
  const runId = ZRunId.safeParse(params.runId);
  if (!runId.success) notFound();
  const { actor, dataset } = await pageDataset(params.slug);
  const run = await renderRun(dataset.id, runId.data);
  if (!run) notFound();
  return { actor, dataset, run };
}
