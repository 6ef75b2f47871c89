import type { Database } from "@/lib/db/client";
import { BULK_LOAD_PAIRS, buildBenchDataset, rebuildPendingIndexes } from "./bulk-load";

export const BENCH_LANGUAGES = ["de", "zh", "ar", "hi", "sw", "fr", "es", "ja", "ru", "pt"] as const;

/**
 * A synthetic dataset with exactly `size` exportable pairs (10 languages per prompt group), built
 * with set-based SQL. Reused when a complete one of that size already exists. Above BULK_LOAD_PAIRS
 * the tables' secondary indexes are rebuilt after the load instead of maintained row by row, and the
 * search copy (lib/search) is filled in the same transaction, as a finished drain leaves it.
 */
export async function ensureBenchDataset(db: Database, size: number, say: (line: string) => void): Promise<number> {
  await rebuildPendingIndexes(db, say);
  const slug = `bench-export-${size}`;
  const existing = await db.pool.query<{ id: number; pairs: number }>(
    `SELECT d.id, (SELECT count(*)::int FROM pairs p WHERE p.dataset_id = d.id) AS pairs FROM datasets d WHERE d.slug = $1`,
    [slug],
  );
  if (existing.rows[0]?.pairs === size) {
    say(`reusing dataset ${slug} (${size} pairs)`);
    return existing.rows[0].id;
  }
  if (existing.rows[0]) await db.pool.query(`DELETE FROM datasets WHERE id = $1`, [existing.rows[0].id]);
  const groups = Math.ceil(size / BENCH_LANGUAGES.length);
  const langs = [...BENCH_LANGUAGES];
  const started = Date.now();
  const bulk = size > BULK_LOAD_PAIRS;
  const datasetId = await buildBenchDataset(db, {
    bulk,
    tables: ["prompt_groups", "prompt_texts", "responses", "response_search_texts", "run_references", "pairs"],
    say,
    load: async (client) => {
      const step = async (label: string, text: string, values: unknown[]) => {
        const t = Date.now();
        const res = await client.query(text, values);
        if (bulk) say(`  ${label}: ${res.rowCount} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
        return res;
      };
      const datasetId = (
        await client.query<{ id: number }>(
          `INSERT INTO datasets (slug, name, task, pivot_language, languages, updated_at)
         VALUES ($1, $1, 'general', 'en', $2, now()) RETURNING id`,
          [slug, ["en", ...langs]],
        )
      ).rows[0]!.id;
      await step(
        "prompt_groups",
        `INSERT INTO prompt_groups (dataset_id, external_id) SELECT $1, 'g' || g FROM generate_series(0, $2 - 1) g`,
        [datasetId, groups],
      );
      await step(
        "prompt_texts",
        `INSERT INTO prompt_texts (dataset_id, group_id, language, text)
         SELECT $1, pg.id, l, 'Question ' || pg.external_id || ' (' || l || '): explain, step by step, why the "sky" looks blue?' || repeat(' Détails ✓', 4)
         FROM prompt_groups pg CROSS JOIN unnest($2::text[]) l WHERE pg.dataset_id = $1`,
        [datasetId, ["en", ...langs]],
      );
      await step(
        "responses",
        `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length)
         SELECT $1, x.group_id, x.l, x.s, x.t, sha256(convert_to(x.t, 'UTF8')), length(x.t)
         FROM (SELECT pg.id AS group_id, l, s,
                      'Answer ' || s || ' to ' || pg.external_id || ' in ' || l || E':\\n' || repeat(md5(pg.id::text || l || s), 6) || ' «ok» 🙂' AS t
               FROM prompt_groups pg CROSS JOIN unnest($2::text[]) l CROSS JOIN generate_series(0, 1) s
               WHERE pg.dataset_id = $1 AND (l <> 'en' OR s = 0)) x`,
        [datasetId, ["en", ...langs]],
      );
      const runId = (
        await client.query<{ id: number }>(
          `INSERT INTO pipeline_runs (dataset_id, kind, status, config) VALUES ($1, 'select', 'succeeded', '{"scorer":"lexical"}') RETURNING id`,
          [datasetId],
        )
      ).rows[0]!.id;
      await step(
        "run_references",
        `INSERT INTO run_references (run_id, group_id, dataset_id, response_id, cons, scorer)
         SELECT $2, r.group_id, $1, r.id, 0.9, 'lexical' FROM responses r WHERE r.dataset_id = $1 AND r.language = 'en'`,
        [datasetId, runId],
      );
      await step(
        "pairs",
        `INSERT INTO pairs (dataset_id, group_id, language, chosen_id, rejected_id, score_chosen, score_rejected, margin, status, origin, run_id)
         SELECT $1, pg.id, ($3::text[])[i % 10 + 1], c.id, r.id, 0.5 + (i % 500) / 1000.0, 0.5 - (i % 500) / 1000.0, (i % 500) / 500.0,
                (CASE WHEN i % 10 = 3 THEN 'accepted' ELSE 'proposed' END)::"PairStatus",
                (CASE WHEN i % 10 = 3 THEN 'human' ELSE 'auto' END)::"PairOrigin", $4
         FROM generate_series(0, $2 - 1) i
         JOIN prompt_groups pg ON pg.dataset_id = $1 AND pg.external_id = 'g' || (i / 10)
         JOIN responses c ON c.group_id = pg.id AND c.language = ($3::text[])[i % 10 + 1] AND c.sample_index = 0
         JOIN responses r ON r.group_id = pg.id AND r.language = ($3::text[])[i % 10 + 1] AND r.sample_index = 1`,
        [datasetId, size, langs, runId],
      );
      if (bulk) {
        await step(
          "search copy",
          `INSERT INTO response_search_texts (response_id, dataset_id, group_id, language, text)
           SELECT id, dataset_id, group_id, language, text FROM responses WHERE dataset_id = $1`,
          [datasetId],
        );
        await step("pending ranges done", `DELETE FROM response_search_pending WHERE dataset_id = $1`, [datasetId]);
      }
      return datasetId;
    },
  });
  for (const table of ["prompt_groups", "prompt_texts", "responses", "run_references", "pairs"]) await db.pool.query(`ANALYZE ${table}`);
  say(`built dataset ${slug}: ${groups} groups, ${size} pairs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return datasetId;
}
