import type { Database } from "@/lib/db/client";
import { deriveResponseFields } from "@/lib/datasets/derive";
import { insertGroups, type LoadGroup } from "@/lib/datasets/insert-groups";

export type FixtureGroup = { id: string; gold?: string; prompts: Record<string, string>; responses: Record<string, string[]> };

/** Creates a dataset with the given groups (through the real loader) and returns its id. */
export async function createDataset(db: Database, slug: string, groups: FixtureGroup[], languages?: string[]): Promise<number> {
  const langs = languages ?? [...new Set(groups.flatMap((g) => Object.keys(g.responses)))].sort();
  const dataset = await db.prisma.dataset.create({ data: { slug, name: slug, languages: langs, task: "math" } });
  const load: LoadGroup[] = groups.map((g) => ({
    externalId: g.id,
    gold: g.gold ?? null,
    meta: {},
    prompts: Object.entries(g.prompts).map(([lang, text]) => ({ lang, text })),
    responses: Object.entries(g.responses).flatMap(([lang, texts]) => texts.map((text, sampleIndex) => ({ lang, sampleIndex, text }))),
  }));
  await insertGroups(db.pool, dataset.id, load, deriveResponseFields);
  return dataset.id;
}

/** Response id by (group external id, language, sample index). */
export async function responseIds(db: Database, datasetId: number): Promise<(group: string, lang: string, sample: number) => number> {
  const { rows } = await db.pool.query<{ external_id: string; language: string; sample_index: number; id: number }>(
    `SELECT g.external_id, r.language, r.sample_index, r.id FROM responses r JOIN prompt_groups g ON g.id = r.group_id WHERE r.dataset_id = $1`,
    [datasetId],
  );
  const map = new Map(rows.map((r) => [`${r.external_id}/${r.language}/${r.sample_index}`, r.id]));
  return (group, lang, sample) => {
    const id = map.get(`${group}/${lang}/${sample}`);
    if (id === undefined) throw new Error(`no response ${group}/${lang}/${sample}`);
    return id;
  };
}
