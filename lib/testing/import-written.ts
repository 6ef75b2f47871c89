import type { Database } from "@/lib/db/client";

/** Test support: what an import left of a dataset (its row, groups and responses). */
export async function writtenFor(db: Database, slug: string): Promise<{ datasets: number; groups: number; responses: number }> {
  const { rows } = await db.pool.query<{ datasets: number; groups: number; responses: number }>(
    `SELECT (SELECT count(*)::int FROM datasets WHERE slug = $1) AS datasets,
            (SELECT count(*)::int FROM prompt_groups g JOIN datasets d ON d.id = g.dataset_id WHERE d.slug = $1) AS groups,
            (SELECT count(*)::int FROM responses r JOIN datasets d ON d.id = r.dataset_id WHERE d.slug = $1) AS responses`,
    [slug],
  );
  return rows[0]!;
}
