import type { Queryable } from "@/lib/db/sql";

// Test support: everything a reader sees of a dataset (ids replaced by external ids, stable order), to
// compare a dataset before and after an import, or two imports of the same data.

async function rows(db: Queryable, text: string, slug: string): Promise<unknown[]> {
  return (await db.query(text, [slug])).rows;
}

const OF = `JOIN datasets d ON d.id = g.dataset_id AND d.slug = $1`;

export async function datasetSnapshot(db: Queryable, slug: string): Promise<Record<string, unknown[]>> {
  return {
    dataset: await rows(db, `SELECT languages, loading FROM datasets WHERE slug = $1`, slug),
    groups: await rows(db, `SELECT g.external_id, g.gold, g.meta FROM prompt_groups g ${OF} ORDER BY 1`, slug),
    prompts: await rows(
      db,
      `SELECT g.external_id, p.language, p.text, p.machine_translated FROM prompt_texts p JOIN prompt_groups g ON g.id = p.group_id ${OF} ORDER BY 1, 2`,
      slug,
    ),
    responses: await rows(
      db,
      `SELECT g.external_id, r.language, r.model, r.sample_index, r.text, encode(r.content_hash, 'hex') AS hash, r.char_length, r.origin,
              r.params, r.detected_language, r.extracted_answer, r.target_share, r.language_mix, r.defect
       FROM responses r JOIN prompt_groups g ON g.id = r.group_id ${OF} ORDER BY 1, 2, 3 NULLS FIRST, 4`,
      slug,
    ),
    responseStats: await rows(
      db,
      `SELECT s.language, s.char_length, sum(s.n)::int AS n, sum(s.off_target)::int AS off FROM response_stats s JOIN datasets d ON d.id = s.dataset_id
       WHERE d.slug = $1 GROUP BY 1, 2 HAVING sum(s.n) <> 0 OR sum(s.off_target) <> 0 ORDER BY 1, 2`,
      slug,
    ),
    groupStats: await rows(
      db,
      `SELECT coalesce(sum(s.groups), 0)::int AS groups, coalesce(sum(s.with_gold), 0)::int AS with_gold
       FROM group_stats s JOIN datasets d ON d.id = s.dataset_id WHERE d.slug = $1`,
      slug,
    ),
  };
}

/** Loads still listed and golds still deferred (none once every load was published or discarded). */
export async function loadLeftovers(db: Queryable): Promise<{ loads: number; golds: number }> {
  const { rows: r } = await db.query<{ loads: number; golds: number }>(
    `SELECT (SELECT count(*)::int FROM import_loads) AS loads, (SELECT count(*)::int FROM import_load_golds) AS golds`,
  );
  return r[0]!;
}
