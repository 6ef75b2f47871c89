import type { Pool, PoolClient } from "pg";
import type { RunChartData } from "@/lib/charts/run";
import { runProposalScan } from "@/lib/dashboard/run";
import {
  answersEqual,
  canonicalAnswer,
  chosenOnTargetByLanguage,
  modelUsage,
  selectionBoundsByLanguage,
  type ChosenLanguage,
  type ModelResponses,
  type ModelUsage,
  type ResponseAnswer,
} from "@/lib/pipeline";

/** What any selection could reach in a language on the run's data (lib/pipeline/quality.ts selectionBoundsByLanguage). */
export type LanguageBounds = { goldGroups: number; oracle: number | null; randomOnTarget: number | null };

export type LanguageSummary = {
  pairs: number;
  skipped: Record<string, number>;
  meanMargin: number | null;
  /** Shares of the pairs in groups with a gold answer (`judged` of them). */
  quality?: { judged: number; chosenCorrect: number; rejectedWrong: number };
  /** Share of the pairs whose chosen response is on-target (lib/pipeline/target.ts); absent in older runs. */
  chosenOnTarget?: number | null;
  bounds?: LanguageBounds;
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
  /** How each model's responses fared in this run, per language; absent in older runs. */
  models?: ModelUsage[];
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

/** Per language: the share of this run's pairs whose chosen response is on-target. */
async function chosenOnTarget(db: Db, datasetId: number, runId: number) {
  const { rows } = await db.query<ChosenLanguage>(
    `SELECT rp.language AS lang, c.detected_language AS "detectedLang", count(*)::int AS count
     FROM run_proposals rp JOIN responses c ON c.id = rp.chosen_id
     WHERE rp.dataset_id = $1 AND rp.run_id = $2 AND rp.skip_reason IS NULL
     GROUP BY 1, 2`,
    [datasetId, runId],
  );
  return chosenOnTargetByLanguage(rows);
}

/**
 * The oracle and the random on-target pick per language, over the dataset's gold groups. Responses
 * are counted per (group, language, detection, answer), so equal samples arrive as one row.
 */
async function selectionBounds(db: Db, datasetId: number) {
  const { rows } = await db.query<ResponseAnswer & { count: number }>(
    `SELECT r.group_id::text AS "groupId", r.language AS lang, r.detected_language AS "detectedLang",
            r.extracted_answer AS answer, g.gold, count(*)::int AS count
     FROM prompt_groups g JOIN responses r ON r.group_id = g.id
     WHERE g.dataset_id = $1 AND g.gold IS NOT NULL AND btrim(g.gold) <> ''
     GROUP BY r.group_id, r.language, r.detected_language, r.extracted_answer, g.gold`,
    [datasetId],
  );
  return selectionBoundsByLanguage(rows);
}

/** Every response of the dataset by model, language and detection, with how often this run chose or rejected it. */
async function modelsOfRun(db: Db, datasetId: number, runId: number): Promise<ModelUsage[]> {
  const { rows } = await db.query<ModelResponses>(
    `WITH picked AS (
       SELECT chosen_id AS id, 1 AS chosen, 0 AS rejected FROM run_proposals WHERE dataset_id = $1 AND run_id = $2 AND chosen_id IS NOT NULL
       UNION ALL
       SELECT rejected_id, 0, 1 FROM run_proposals WHERE dataset_id = $1 AND run_id = $2 AND rejected_id IS NOT NULL),
     p AS (SELECT id, sum(chosen) AS chosen, sum(rejected) AS rejected FROM picked GROUP BY id)
     SELECT r.model, r.language AS lang, r.detected_language AS "detectedLang", count(*)::int AS responses,
            coalesce(sum(p.chosen), 0)::int AS chosen, coalesce(sum(p.rejected), 0)::int AS rejected
     FROM responses r LEFT JOIN p ON p.id = r.id
     WHERE r.dataset_id = $1
     GROUP BY 1, 2, 3`,
    [datasetId, runId],
  );
  return modelUsage(rows);
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
  const onTarget = run ? await chosenOnTarget(db, run.dataset_id, runId) : new Map<string, { chosenOnTarget: number | null }>();
  const bounds = run ? await selectionBounds(db, run.dataset_id) : [];
  const models = run ? await modelsOfRun(db, run.dataset_id, runId) : undefined;
  const summary: RunSummary = {
    groups: 0, pairs: 0, skipped: {}, languages: {}, scorers: {}, durationMs: run?.ms ?? null, charts: scan?.charts, models,
  };
  for (const s of scorers.rows) {
    summary.scorers[s.scorer] = s.n;
    summary.groups += s.n;
  }
  for (const c of scan?.counts ?? []) {
    const lang = (summary.languages[c.language] ??= { pairs: 0, skipped: {}, meanMargin: null });
    if (c.skipReason === null) {
      lang.pairs = c.n;
      lang.meanMargin = c.meanMargin;
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
  for (const [lang, l] of Object.entries(summary.languages)) l.chosenOnTarget = onTarget.get(lang)?.chosenOnTarget ?? null;
  for (const b of bounds) {
    const l = summary.languages[b.lang];
    if (l) l.bounds = { goldGroups: b.groups, oracle: b.oracle, randomOnTarget: b.randomOnTarget };
  }
  return summary;
}
