import type { Pool } from "pg";
import { z } from "zod";
import { queryRows, sql } from "@/lib/db/sql";

/** References a human chose (pick or edit, not undone) for the groups of a range: group id → response id. */
export async function humanReferences(
  pool: Pool,
  datasetId: number,
  range: { fromGroupId: number; toGroupId: number },
): Promise<Map<string, string>> {
  const rows = await queryRows(
    pool,
    sql`SELECT DISTINCT ON (c.group_id) c.group_id, c.response_id
     FROM reference_corrections c
     WHERE c.dataset_id = ${datasetId} AND c.group_id BETWEEN ${range.fromGroupId} AND ${range.toGroupId} AND c.kind IN ('pick', 'edit') AND c.response_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM reference_corrections u WHERE u.undoes_id = c.id)
     ORDER BY c.group_id, c.id DESC`,
    z.object({ group_id: z.number(), response_id: z.number() }),
  );
  return new Map(rows.map((r) => [String(r.group_id), String(r.response_id)]));
}
