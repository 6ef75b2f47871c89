import type { Pool, PoolClient } from "pg";
import type { RunChartData } from "@/lib/charts/run";
import { runProposalScan } from "@/lib/dashboard/run";
import { answersEqual, canonicalAnswer } from "@/lib/pipeline";

export type LanguageSummary = {
  pairs: number;
  skipped: Record<string, number>;
  /** Mean margin of the score pairs (language-guard pairs left out). */
  meanMargin: number | null;
  /** Pairs whose rejected response is off-target (basis language_guard); absent in older summaries. */
  guardPairs?: number;
  quality?: { judged: number; chosenCorrect: number; rejectedWrong: number };
};

export type RunSummary = {
  groups: number;
  pairs: number;
  skipped: Record<string, number>;
  languages: Record<string, LanguageSummary>;
  scorers: Record<string, number>;
  durationMs: number | null;
  /** The run page's histograms; absent in runs summarised before they were stored. */
  charts?: RunChartData;
};

type Db = Pool | PoolClient;

/** Share of chosen responses with the gold answer and of rejected ones without it, per language. */
export async function goldQuality(db: Db, runId: number): Promise<Record<string, { judged: number; chosenCorrect: number; rejectedWrong: number }>> {
  const { rows } = await db.query<{ language: string; gold: string; chosen: string | null; rejected: string | null }>(
    `SELECT rp.language, g.gold, c.extracted_answer AS chosen, r.extracted_answer AS rejected
     FROM run_proposals rp
     JOIN prompt_groups g ON g.id = rp.group_id
     JOIN responses c ON c.id = rp.chosen_id
     JOIN responses r ON r.id = rp.rejected_id
     WHERE rp.run_id = $1 AND g.gold IS NOT NULL`,
    [runId],
  );
  const out: Record<string, { judged: number; chosenCorrect: number; rejectedWrong: number }> = {};
  const goldCache = new Map<string, string | null>();
  for (const row of rows) {
    let gold = goldCache.get(row.gold);
    if (gold === undefined) goldCache.set(row.gold, (gold = canonicalAnswer(row.gold)));
    const q = (out[row.language] ??= { judged: 0, chosenCorrect: 0, rejectedWrong: 0 });
    q.judged += 1;
    if (row.chosen !== null && gold !== null && answersEqual(row.chosen, gold)) q.chosenCorrect += 1;
    if (row.rejected === null || gold === null || !answersEqual(row.rejected, gold)) q.rejectedWrong += 1;
  }
  for (const q of Object.values(out)) {
    q.chosenCorrect = q.chosenCorrect / q.judged;
    q.rejectedWrong = q.rejectedWrong / q.judged;
  }
  return out;
}

export async function computeRunSummary(db: Db, runId: number): Promise<RunSummary> {
  // Sequential: `db` may be one client inside a transaction.
  const quality = await goldQuality(db, runId);
  const scorers = await db.query<{ scorer: string; n: number }>(
    `SELECT scorer, count(*)::int AS n FROM run_references WHERE run_id = $1 GROUP BY scorer`,
    [runId],
  );
  const timing = await db.query<{ ms: number | null; dataset_id: number }>(
    `SELECT (extract(epoch FROM (coalesce(finished_at, now()) - started_at)) * 1000)::float8 AS ms, dataset_id FROM pipeline_runs WHERE id = $1`,
    [runId],
  );
  const run = timing.rows[0];
  const scan = run ? await runProposalScan(db, run.dataset_id, runId) : undefined;
  const summary: RunSummary = { groups: 0, pairs: 0, skipped: {}, languages: {}, scorers: {}, durationMs: run?.ms ?? null, charts: scan?.charts };
  for (const s of scorers.rows) {
    summary.scorers[s.scorer] = s.n;
    summary.groups += s.n;
  }
  for (const c of scan?.counts ?? []) {
    const lang = (summary.languages[c.language] ??= { pairs: 0, skipped: {}, meanMargin: null });
    if (c.skipReason === null) {
      lang.pairs = c.n;
      lang.meanMargin = c.meanMargin;
      lang.guardPairs = c.guardPairs;
      summary.pairs += c.n;
    } else {
      lang.skipped[c.skipReason] = c.n;
      summary.skipped[c.skipReason] = (summary.skipped[c.skipReason] ?? 0) + c.n;
    }
  }
  for (const [lang, q] of Object.entries(quality)) {
    const l = summary.languages[lang];
    if (l) l.quality = q;
  }
  return summary;
}
