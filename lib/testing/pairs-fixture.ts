import type { Database } from "@/lib/db/client";
import { loadGeneratedGroups } from "@/lib/datasets/seed-demo";
import { DEMO_OPTIONS, generateGroups } from "@/lib/demo";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";

/** A small demo-like dataset (generated groups, one lexical select run) for the pairs tests. */
export async function seedPairsFixture(db: Database, slug: string, groups = 24): Promise<{ datasetId: number; runId: number }> {
  const dataset = await db.prisma.dataset.create({ data: { slug, name: slug, languages: [...DEMO_OPTIONS.languages] } });
  await loadGeneratedGroups(db, dataset.id, generateGroups({ ...DEMO_OPTIONS, groups }));
  const { runId } = await createSelectRun(db, dataset.id, { scorer: "lexical" });
  await executeSelectRun(db, runId);
  return { datasetId: dataset.id, runId };
}
