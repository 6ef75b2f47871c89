import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZSlug } from "./schemas";

export type DatasetSummary = {
  id: number;
  slug: string;
  name: string;
  task: string;
  pivotLanguage: string;
  languages: string[];
  groups: number;
  responses: number;
  createdAt: Date;
};

// A dataset still `loading` (an embedded import filling it, lib/import/loader) is not there for any reader.

/**
 * Every dataset with its group and response counts, read from the summary ledgers (lib/dashboards/ledgers).
 * `languages` may be NULL in a dataset nothing was imported into (Prisma reads that as [], raw SQL not).
 */
export async function listDatasets(): Promise<DatasetSummary[]> {
  const prisma = await getPrisma();
  return prisma.$queryRaw<DatasetSummary[]>`
    SELECT d.id, d.slug, d.name, d.task::text AS task, d.pivot_language AS "pivotLanguage",
           coalesce(d.languages, '{}') AS languages, d.created_at AS "createdAt",
           (SELECT coalesce(sum(g.groups), 0)::int FROM group_stats g WHERE g.dataset_id = d.id) AS groups,
           (SELECT coalesce(sum(r.n), 0)::int FROM response_stats r WHERE r.dataset_id = d.id) AS responses
    FROM datasets d WHERE NOT d.loading ORDER BY d.created_at, d.id`;
}

export async function getDatasetBySlug(slug: string) {
  const prisma = await getPrisma();
  const dataset = await prisma.dataset.findUnique({ where: { slug, loading: false } });
  if (!dataset) throw new AppError("NOT_FOUND", `No dataset with slug "${slug}".`);
  return dataset;
}

/** A dataset's row as the guards hand it on. */
export type Dataset = NonNullable<Awaited<ReturnType<typeof findDatasetBySlug>>>;

/** The dataset, or null when the slug is malformed or unknown (pages turn that into a 404). */
export async function findDatasetBySlug(slug: string) {
  if (!ZSlug.safeParse(slug).success) return null;
  const prisma = await getPrisma();
  return prisma.dataset.findUnique({ where: { slug, loading: false } });
}

export type LanguageCount = { language: string; responses: number; empty: number; offTarget: number };

/** Responses, empty responses and off-target responses per language, from the response ledger (lib/dashboards/ledgers). */
export async function responsesByLanguage(datasetId: number): Promise<LanguageCount[]> {
  const prisma = await getPrisma();
  return prisma.$queryRaw<LanguageCount[]>`
    SELECT language, sum(n)::int AS responses, coalesce(sum(n) FILTER (WHERE char_length = 0), 0)::int AS empty,
           sum(off_target)::int AS "offTarget"
    FROM response_stats WHERE dataset_id = ${datasetId}
    GROUP BY language HAVING sum(n) <> 0 ORDER BY language`;
}

export type GroupRow = {
  id: number;
  externalId: string;
  gold: string | null;
  prompt: string | null;
  languages: number;
  responses: number;
};

/** One page of prompt groups in id order; pass the last id seen as `after` (keyset pagination). */
export async function listGroups(datasetId: number, opts: { after?: number; limit: number }): Promise<GroupRow[]> {
  const prisma = await getPrisma();
  const after = opts.after ?? 0;
  return prisma.$queryRaw<GroupRow[]>`
    SELECT g.id, g.external_id AS "externalId", g.gold,
           (SELECT left(p.text, 200) FROM prompt_texts p JOIN datasets d ON d.id = g.dataset_id
             WHERE p.group_id = g.id AND p.language = d.pivot_language) AS prompt,
           (SELECT count(DISTINCT r.language)::int FROM responses r WHERE r.group_id = g.id) AS languages,
           (SELECT count(*)::int FROM responses r WHERE r.group_id = g.id) AS responses
    FROM prompt_groups g
    WHERE g.dataset_id = ${datasetId} AND g.id > ${after}
    ORDER BY g.id LIMIT ${opts.limit}`;
}

export async function getGroupDetail(datasetId: number, groupId: number) {
  const prisma = await getPrisma();
  const group = await prisma.promptGroup.findFirst({
    where: { id: groupId, datasetId },
    include: {
      prompts: { orderBy: { language: "asc" } },
      responses: {
        orderBy: [{ language: "asc" }, { sampleIndex: "asc" }],
        omit: { contentHash: true, params: true },
      },
    },
  });
  if (!group) throw new AppError("NOT_FOUND", `No prompt group ${groupId} in this dataset.`);
  return group;
}

export type DatasetStats = {
  datasetId: number;
  dataset: string;
  groups: number;
  languages: string[];
  responses: number;
  responsesByLanguage: Record<string, number>;
  groupsWithGold: number;
};

export async function datasetStats(slug: string): Promise<DatasetStats> {
  const dataset = await getDatasetBySlug(slug);
  const prisma = await getPrisma();
  const [counts, byLanguage] = await Promise.all([
    prisma.$queryRaw<{ groups: number; withGold: number }[]>`
      SELECT coalesce(sum(groups), 0)::int AS groups, coalesce(sum(with_gold), 0)::int AS "withGold" FROM group_stats WHERE dataset_id = ${dataset.id}`,
    responsesByLanguage(dataset.id),
  ]);
  const { groups, withGold: groupsWithGold } = counts[0] ?? { groups: 0, withGold: 0 };
  return {
    datasetId: dataset.id,
    dataset: dataset.slug,
    groups,
    languages: byLanguage.map((l) => l.language),
    responses: byLanguage.reduce((n, l) => n + l.responses, 0),
    responsesByLanguage: Object.fromEntries(byLanguage.map((l) => [l.language, l.responses])),
    groupsWithGold,
  };
}
