import type { Database } from "@/lib/db/client";

export type PairStatusCounts = { proposed: number; accepted: number; rejected: number; skipped: number; conflicts: number; human: number };

/** Effective pairs per language and status (the materialised `pairs` table). */
export async function pairCountsByLanguage(db: Database, datasetId: number): Promise<Record<string, PairStatusCounts>> {
  const { rows } = await db.pool.query<{ language: string; status: string; n: number; conflicts: number; human: number }>(
    `SELECT language, status::text, count(*)::int AS n, count(*) FILTER (WHERE conflict)::int AS conflicts,
            count(*) FILTER (WHERE origin = 'human')::int AS human
     FROM pairs WHERE dataset_id = $1 GROUP BY language, status ORDER BY language, status`,
    [datasetId],
  );
  const out: Record<string, PairStatusCounts> = {};
  for (const r of rows) {
    const c = (out[r.language] ??= { proposed: 0, accepted: 0, rejected: 0, skipped: 0, conflicts: 0, human: 0 });
    c[r.status as "proposed"] = r.n;
    c.conflicts += r.conflicts;
    c.human += r.human;
  }
  return out;
}
