import type { Pool } from "pg";
import { queryTrusted, sql } from "@/lib/db/sql";
import type { Chunk } from "@/lib/jobs/chunks";
import type { RunScope } from "@/lib/llm/providers/run-loop";

export type GenerateItem = {
  groupId: number;
  gold: string | null;
  language: string;
  prompt: string;
  /** Samples of this model already stored for the (group, language). */
  have: number;
};

/** Every (group, language) of a group range that has a prompt, with its stored sample count for `model`. */
export async function loadItems(
  pool: Pool,
  { datasetId, model, languages }: RunScope,
  { fromGroupId, toGroupId }: Pick<Chunk, "fromGroupId" | "toGroupId">,
): Promise<GenerateItem[]> {
  const rows = await queryTrusted<{ group_id: number; gold: string | null; language: string; text: string; have: number }>(
    pool,
    sql`SELECT pt.group_id, g.gold, pt.language, pt.text,
            (SELECT count(*)::int FROM responses r
             WHERE r.group_id = pt.group_id AND r.language = pt.language AND r.origin = 'generated' AND r.model = ${model}) AS have
     FROM prompt_texts pt JOIN prompt_groups g ON g.id = pt.group_id
     WHERE pt.dataset_id = ${datasetId} AND pt.group_id BETWEEN ${fromGroupId} AND ${toGroupId}
       AND (${languages}::text[] IS NULL OR pt.language = ANY(${languages}::text[]))
     ORDER BY pt.group_id, pt.language`,
  );
  return rows.map((r) => ({ groupId: r.group_id, gold: r.gold, language: r.language, prompt: r.text, have: r.have }));
}
