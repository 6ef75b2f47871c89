import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryRows, sql } from "@/lib/db/sql";
import { likePattern } from "./like-pattern";

/** Characters of context on each side of a match. */
const CONTEXT = 60;

export type GroupHit = {
  groupId: number;
  externalId: string;
  /** Prompts (one per language) and responses of the group that contain the term. */
  prompts: number;
  responses: number;
  /** The first match: a prompt before a response, then by language and sample. */
  match: { in: "prompt" | "response"; lang: string; sample: number | null; snippet: string; cutStart: boolean; cutEnd: boolean };
};

const ZHit = z.object({
  group_id: z.number(),
  external_id: z.string(),
  prompts: z.number(),
  responses: z.number(),
  place: z.enum(["prompt", "response"]),
  lang: z.string(),
  sample: z.number().nullable(),
  snippet: z.string(),
  cut_start: z.boolean(),
  cut_end: z.boolean(),
});

/**
 * Prompt groups any of whose prompts or responses (every sample, paired or not) contain `q`, in group
 * order after `afterGroupId`. Candidate groups come from the text side exactly as the pairs search's
 * (lib/pairs/filter-sql.ts): the prompt and response-copy trigram indexes plus a scan of the ranges
 * still pending (README here), so the result equals an ILIKE over the base tables at any indexing state.
 */
export async function searchGroups(db: Database, datasetId: number, q: string, limit: number, afterGroupId = 0): Promise<GroupHit[]> {
  const like = likePattern(q);
  const term = q.toLowerCase();
  const rows = await queryRows(
    db.pool,
    sql`WITH hits AS (
          SELECT pt.group_id FROM prompt_texts pt WHERE pt.dataset_id = ${datasetId} AND pt.text ILIKE ${like}::text
          UNION
          SELECT s.group_id FROM response_search_texts s WHERE s.dataset_id = ${datasetId} AND s.text ILIKE ${like}::text
          UNION
          SELECT r.group_id FROM response_search_pending pq
          CROSS JOIN LATERAL (SELECT r.group_id FROM responses r
            WHERE r.dataset_id = ${datasetId} AND r.id BETWEEN pq.from_id AND pq.to_id AND r.text ILIKE ${like}::text OFFSET 0) r
          WHERE pq.dataset_id = ${datasetId}),
        page AS (SELECT group_id FROM hits WHERE group_id > ${afterGroupId} ORDER BY group_id LIMIT ${limit})
        SELECT g.id AS group_id, g.external_id,
               (SELECT count(*) FROM prompt_texts pt WHERE pt.group_id = g.id AND pt.text ILIKE ${like}::text)::int AS prompts,
               (SELECT count(*) FROM responses r WHERE r.group_id = g.id AND r.text ILIKE ${like}::text)::int AS responses,
               m.place, m.lang, m.sample, substr(m.text, m.s, m.n) AS snippet, m.s > 1 AS cut_start, m.s + m.n <= length(m.text) AS cut_end
        FROM page JOIN prompt_groups g ON g.id = page.group_id
        CROSS JOIN LATERAL (
          SELECT u.*, greatest(strpos(lower(u.text), ${term}::text) - ${CONTEXT}, 1) AS s, length(${term}::text) + ${2 * CONTEXT} AS n
          FROM (SELECT 'prompt' AS place, 0 AS rank, pt.language AS lang, NULL::int AS sample, pt.text
                FROM prompt_texts pt WHERE pt.group_id = g.id AND pt.text ILIKE ${like}::text
                UNION ALL
                SELECT 'response', 1, r.language, r.sample_index, r.text
                FROM responses r WHERE r.group_id = g.id AND r.text ILIKE ${like}::text) u
          ORDER BY u.rank, u.lang, u.sample LIMIT 1) m
        ORDER BY g.id`,
    ZHit,
  );
  return rows.map((r) => ({
    groupId: r.group_id,
    externalId: r.external_id,
    prompts: r.prompts,
    responses: r.responses,
    match: { in: r.place, lang: r.lang, sample: r.sample, snippet: r.snippet, cutStart: r.cut_start, cutEnd: r.cut_end },
  }));
}
