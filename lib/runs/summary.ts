import type { Pool, PoolClient } from "pg";
import { z } from "zod";
import { queryMaybeOne, queryRows, queryTrusted, raw, sql, type Sql } from "@/lib/db/sql";
import type { RunChartData } from "@/lib/dashboards/charts/run";
import { runProposalScan } from "@/lib/dashboards/queries/run";
import {
  answersEqual,
  boundsFromCells,
  canonicalAnswer,
  DEFAULT_SELECT_CONFIG,
  chosenOnTargetByLanguage,
  isOnTarget,
  modelUsage,
  type GoldGroupCell,
  type ModelResponses,
  type ModelUsage,
  type TargetInput,
} from "@/lib/pipeline";

/** What any selection could reach in a language on the run's data (lib/pipeline/quality.ts SelectionBounds). */
export type LanguageBounds = { goldGroups: number; oracle: number | null; randomOnTarget: number | null };

export type LanguageSummary = {
  pairs: number;
  skipped: Record<string, number>;
  /** Mean margin of the score pairs (language-guard pairs left out). */
  meanMargin: number | null;
  /** Shares of the pairs in groups with a gold answer (`judged` of them). */
  /** Pairs whose rejected response is off-target (basis language_guard); absent in older summaries. */
  guardPairs?: number;
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
export async function goldQuality(
  db: Db,
  runId: number,
): Promise<Record<string, { judged: number; chosenCorrect: number; rejectedWrong: number }>> {
  const rows = await queryTrusted<{ language: string; gold: string; chosen: string | null; rejected: string | null }>(
    db,
    sql`SELECT rp.language, g.gold, c.extracted_answer AS chosen, r.extracted_answer AS rejected
     FROM run_proposals rp
     JOIN prompt_groups g ON g.id = rp.group_id
     JOIN responses c ON c.id = rp.chosen_id
     JOIN responses r ON r.id = rp.rejected_id
     WHERE rp.run_id = ${runId} AND g.gold IS NOT NULL`,
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

/**
 * The response columns targetStatus (lib/pipeline/target.ts) reads of a response `r`, as TargetInput
 * fields: every on-target figure below groups by them and evaluates targetStatus once per group.
 */
type TargetSql = { fields: Sql; group: Sql };

/** The run's mixed threshold goes into the SQL as a number literal (a validated number in [0, 1]). */
function targetSql(minTargetShare: number): TargetSql {
  const columns: [expression: string, field: keyof TargetInput][] = [
    ["r.detected_language", "detectedLang"],
    [`coalesce(r.target_share < ${Number(minTargetShare)}::float8, false)`, "mixed"],
  ];
  return {
    fields: raw(columns.map(([expression, field]) => `${expression} AS "${field}"`).join(", ")),
    group: raw(columns.map(([expression]) => expression).join(", ")),
  };
}
type TargetRow = TargetInput & { lang: string };

/** Per language: the share of this run's pairs whose chosen response is on-target. */
async function chosenOnTarget(db: Db, datasetId: number, runId: number, target: TargetSql) {
  const rows = await queryTrusted<TargetRow & { count: number }>(
    db,
    sql`SELECT r.language AS lang, ${target.fields}, count(*)::int AS count
     FROM run_proposals rp JOIN responses r ON r.id = rp.chosen_id
     WHERE rp.dataset_id = ${datasetId} AND rp.run_id = ${runId} AND rp.skip_reason IS NULL
     GROUP BY r.language, ${target.group}`,
  );
  return chosenOnTargetByLanguage(rows);
}

/**
 * The oracle and the random on-target pick per language, over the dataset's gold groups. Answers and
 * golds are made canonical once per distinct value (canonicalAnswer, as answersEqual does); one scan
 * then counts, per gold group, language and TARGET_FIELDS, the responses and those with the gold answer.
 */
async function selectionBounds(db: Db, datasetId: number, target: TargetSql) {
  const values = await queryTrusted<{ v: string }>(
    db,
    sql`SELECT DISTINCT extracted_answer AS v FROM responses WHERE dataset_id = ${datasetId} AND extracted_answer IS NOT NULL
     UNION SELECT gold FROM prompt_groups WHERE dataset_id = ${datasetId} AND gold IS NOT NULL AND btrim(gold) <> ''`,
  );
  const rows = await queryTrusted<TargetRow & { groupId: number; n: number; correct: number }>(
    db,
    sql`WITH canon AS (SELECT * FROM unnest(${values.map((v) => v.v)}::text[], ${values.map((v) => canonicalAnswer(v.v))}::text[]) AS c(v, c))
     SELECT r.group_id AS "groupId", r.language AS lang, ${target.fields}, count(*)::int AS n, count(*) FILTER (WHERE a.c = gc.c)::int AS correct
     FROM prompt_groups g
     JOIN canon gc ON gc.v = g.gold
     JOIN responses r ON r.group_id = g.id
     LEFT JOIN canon a ON a.v = r.extracted_answer
     WHERE g.dataset_id = ${datasetId}
     GROUP BY r.group_id, r.language, ${target.group}`,
  );
  const cells = new Map<string, GoldGroupCell>();
  for (const r of rows) {
    const key = `${r.groupId}\u0000${r.lang}`;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = { lang: r.lang, onTarget: 0, correct: 0 }));
    if (!isOnTarget(r, r.lang)) continue;
    cell.onTarget += r.n;
    cell.correct += r.correct;
  }
  return boundsFromCells([...cells.values()]);
}

/** Every response of the dataset by model, language and TARGET_FIELDS, with how often this run chose or rejected it. */
async function modelsOfRun(db: Db, datasetId: number, runId: number, target: TargetSql): Promise<ModelUsage[]> {
  const rows = await queryTrusted<ModelResponses>(
    db,
    sql`WITH picked AS (
       SELECT chosen_id AS id, 1 AS chosen, 0 AS rejected FROM run_proposals WHERE dataset_id = ${datasetId} AND run_id = ${runId} AND chosen_id IS NOT NULL
       UNION ALL
       SELECT rejected_id, 0, 1 FROM run_proposals WHERE dataset_id = ${datasetId} AND run_id = ${runId} AND rejected_id IS NOT NULL),
     p AS (SELECT id, sum(chosen) AS chosen, sum(rejected) AS rejected FROM picked GROUP BY id)
     SELECT r.model, r.language AS lang, ${target.fields}, count(*)::int AS responses,
            coalesce(sum(p.chosen), 0)::int AS chosen, coalesce(sum(p.rejected), 0)::int AS rejected
     FROM responses r LEFT JOIN p ON p.id = r.id
     WHERE r.dataset_id = ${datasetId}
     GROUP BY r.model, r.language, ${target.group}`,
  );
  return modelUsage(rows);
}

export async function computeRunSummary(db: Db, runId: number): Promise<RunSummary> {
  // Sequential: `db` may be one client inside a transaction.
  const quality = await goldQuality(db, runId);
  const scorers = await queryRows(
    db,
    sql`SELECT scorer, count(*)::int AS n FROM run_references WHERE run_id = ${runId} GROUP BY scorer`,
    z.object({ scorer: z.string(), n: z.number() }),
  );
  const run = await queryMaybeOne(
    db,
    sql`SELECT (extract(epoch FROM (coalesce(finished_at, now()) - started_at)) * 1000)::float8 AS ms, dataset_id,
            (config->>'minTargetShare')::float8 AS min_share
     FROM pipeline_runs WHERE id = ${runId}`,
    z.object({ ms: z.number().nullable(), dataset_id: z.number(), min_share: z.number().nullable() }),
  );
  const target = targetSql(run?.min_share ?? DEFAULT_SELECT_CONFIG.minTargetShare);
  const scan = run ? await runProposalScan(db, run.dataset_id, runId) : undefined;
  const onTarget = run ? await chosenOnTarget(db, run.dataset_id, runId, target) : new Map<string, { chosenOnTarget: number | null }>();
  const bounds = run ? await selectionBounds(db, run.dataset_id, target) : [];
  const models = run ? await modelsOfRun(db, run.dataset_id, runId, target) : undefined;
  const summary: RunSummary = {
    groups: 0,
    pairs: 0,
    skipped: {},
    languages: {},
    scorers: {},
    durationMs: run?.ms ?? null,
    charts: scan?.charts,
    models,
  };
  for (const s of scorers) {
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
  for (const [lang, l] of Object.entries(summary.languages)) l.chosenOnTarget = onTarget.get(lang)?.chosenOnTarget ?? null;
  for (const b of bounds) {
    const l = summary.languages[b.lang];
    if (l) l.bounds = { goldGroups: b.groups, oracle: b.oracle, randomOnTarget: b.randomOnTarget };
  }
  return summary;
}
