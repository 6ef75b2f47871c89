import { loadavg } from "node:os";
import { closeDatabase, type Database } from "@/lib/db/client";
import { getGroupView } from "@/lib/groups/queries";
import { heatmapOf } from "@/lib/groups/ranking";
import { countPairs, listPairs } from "@/lib/pairs/queries";
import { decideOrConflict } from "@/lib/pairs/review";
import { parsePairTableParams, type Cursor } from "@/lib/pairs/table";
import { indexPendingResponses } from "@/lib/search/index-pending";
import { benchDatabase, log, seconds } from "./bench-db";
import { BENCH_LANGUAGES, ensureBenchDataset } from "./export-dataset";

// `npm run bench -- browse [--size N]`: server time of the review workspace on a dataset of N pairs
// (default 1,000,000), calling the lib functions the pages and actions call, p50/p95 over 200
// requests each: the pairs table (one language and status, sorted by margin, followed 10 pages deep
// by keyset cursor, with its filter count capped at 10,000 as the page does), substring search, the prompt-group page's data and a
// review decision. Each query plan is printed and checked for index use. Floor: the bare index range
// scan a table page cannot beat (51 ids of the language and status in margin order), same run.
// The response search index (lib/search) is drained first, so search is timed in its steady state;
// the drain's rate is reported.

const REQUESTS = 200;
const PAGE = 50;
const DEPTH = 10;
/** The pairs page counts its filter result up to this (app/datasets/[slug]/pairs/page.tsx). */
const TOTAL_CAP = 10_000;

type Sample = { name: string; ms: number[] };
type Captured = { text: string; values: unknown[] };

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const round = (x: number) => Math.round(x * 10) / 10;

/** A deterministic stream of integers in [0, n). */
function lcg(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** The same database with every pool query recorded, so the benchmark explains exactly what the lib ran. */
function recording(db: Database, into: Captured[]): Database {
  const pool = new Proxy(db.pool, {
    get(target, prop, receiver) {
      if (prop !== "query") return Reflect.get(target, prop, receiver);
      // Lib code passes a `sql` query object ({ text, values }); older callers pass text and values.
      return (query: string | { text: string; values: unknown[] }, values: unknown[] = []) => {
        into.push(typeof query === "string" ? { text: query, values } : { text: query.text, values: query.values });
        return typeof query === "string" ? target.query(query, values) : target.query(query);
      };
    },
  });
  return { ...db, pool };
}

async function explain(db: Database, label: string, q: Captured): Promise<{ label: string; plan: string; seqScanOnPairs: boolean }> {
  const { rows } = await db.pool.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${q.text}`,
    q.values,
  );
  const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
  return { label, plan, seqScanOnPairs: /Seq Scan on pairs\b/.test(plan) };
}

async function tableRequests(db: Database, datasetId: number, rand: (n: number) => number): Promise<Sample> {
  const ms: number[] = [];
  let after: Cursor | null = null;
  let lang = "de";
  for (let i = 0; i < REQUESTS; i++) {
    if (i % DEPTH === 0) {
      after = null;
      lang = BENCH_LANGUAGES[rand(BENCH_LANGUAGES.length)]!;
    }
    const t = { ...parsePairTableParams({ lang, status: "proposed", sort: "margin", size: String(PAGE) }), after };
    let next: Cursor | null = null;
    ms.push(
      await timed(async () => {
        const [page] = await Promise.all([listPairs(db, datasetId, t), countPairs(db, datasetId, t, TOTAL_CAP)]);
        next = page.next;
      }),
    );
    after = next;
  }
  return { name: "pairs table page (language + status, by margin, up to 10 pages deep, with count up to 10,000)", ms };
}

async function searchRequests(db: Database, datasetId: number, groups: number, rand: (n: number) => number): Promise<Sample> {
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = parsePairTableParams({ q: `g${rand(groups)}`, sort: "margin", size: String(PAGE) });
    ms.push(await timed(() => Promise.all([listPairs(db, datasetId, t), countPairs(db, datasetId, t, TOTAL_CAP)])));
  }
  return { name: "full-text search (prompt or response contains a group id, by margin, with count)", ms };
}

async function groupRequests(
  db: Database,
  datasetId: number,
  groupIds: { min: number; max: number },
  rand: (n: number) => number,
): Promise<Sample> {
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const id = groupIds.min + rand(groupIds.max - groupIds.min + 1);
    ms.push(
      await timed(async () => {
        const v = await getGroupView(db, datasetId, id);
        heatmapOf(v.languages, v.pivot, v.responses, v.pairs, v.reference.responseId);
      }),
    );
  }
  return { name: "prompt-group page data (+ heatmap)", ms };
}

async function decisionRequests(db: Database, datasetId: number, rand: (n: number) => number): Promise<Sample> {
  const { rows } = await db.pool.query<{ id: number; version: number }>(
    `SELECT id, version FROM pairs WHERE dataset_id = $1 AND status = 'proposed' AND id % 97 = $2 ORDER BY id LIMIT $3`,
    [datasetId, rand(97), REQUESTS],
  );
  const before = (
    await db.pool.query(
      `SELECT id, status, origin, chosen_id, rejected_id, score_chosen, score_rejected, margin, skip_reason FROM pairs WHERE id = ANY($1::int[])`,
      [rows.map((r) => r.id)],
    )
  ).rows;
  const ms: number[] = [];
  for (const [i, p] of rows.entries()) {
    const decision =
      i % 3 === 0 ? { action: "reject" as const } : i % 3 === 1 ? { action: "accept" as const } : { action: "swap" as const };
    ms.push(await timed(() => decideOrConflict(db, datasetId, { pairId: p.id, expectedVersion: p.version, decision })));
  }
  // Put the pairs back as they were (untimed), so the next bench on this dataset finds the same pairs:
  // a "reset" would go back to the run's proposal, which the synthetic dataset does not have.
  await db.pool.query(
    `UPDATE pairs p SET status = o.status, origin = o.origin, chosen_id = o.chosen_id, rejected_id = o.rejected_id,
            score_chosen = o.score_chosen, score_rejected = o.score_rejected, margin = o.margin, skip_reason = o.skip_reason
     FROM jsonb_populate_recordset(NULL::pairs, $1::jsonb) o WHERE p.id = o.id`,
    [JSON.stringify(before)],
  );
  return { name: "review decision (accept / reject / swap, with the fresh pair detail)", ms };
}

export async function run({ size = 1_000_000 }: { size?: number; args: string[] }): Promise<Record<string, unknown>> {
  const db = await benchDatabase();
  try {
    const datasetId = await ensureBenchDataset(db, size, log);
    const drain = await indexPendingResponses(db, { datasetId });
    const drainRate = drain.seconds > 0 ? Math.round(drain.scanned / drain.seconds) : 0;
    log(
      `search index drain: ${drain.indexed} responses in ${drain.seconds.toFixed(2)} s (${drainRate} responses/s, ${drain.batches} batches)`,
    );
    for (const table of [
      "pairs",
      "prompt_texts",
      "responses",
      "response_search_texts",
      "response_search_pending",
      "prompt_groups",
      "run_references",
    ]) {
      await db.pool.query(`VACUUM ANALYZE ${table}`);
    }
    const g = (
      await db.pool.query<{ min: number; max: number; n: number }>(
        `SELECT min(id)::int AS min, max(id)::int AS max, count(*)::int AS n FROM prompt_groups WHERE dataset_id = $1`,
        [datasetId],
      )
    ).rows[0]!;

    // Plans of exactly the statements the lib runs (captured once, then explained).
    const captured: Captured[] = [];
    const spy = recording(db, captured);
    const deep = parsePairTableParams({ lang: "de", status: "proposed", size: String(PAGE) });
    let page = await listPairs(spy, datasetId, deep);
    for (let i = 1; i < DEPTH && page.next; i++) page = await listPairs(spy, datasetId, { ...deep, after: page.next });
    const tableSql = captured.at(-1)!;
    await countPairs(spy, datasetId, deep, TOTAL_CAP);
    const countSql = captured.at(-1)!;
    const search = parsePairTableParams({ q: `g${Math.floor(g.n / 3)}`, size: String(PAGE) });
    await listPairs(spy, datasetId, search);
    const searchSql = captured.at(-1)!;
    await countPairs(spy, datasetId, search, TOTAL_CAP);
    const searchCountSql = captured.at(-1)!;
    const groupStart = captured.length;
    await getGroupView(spy, datasetId, g.min + Math.floor(g.n / 2));
    const plans = [
      await explain(db, "pairs table, page 10", tableSql),
      await explain(db, "pairs table count", countSql),
      await explain(db, "search page", searchSql),
      await explain(db, "search count", searchCountSql),
      ...(await Promise.all(captured.slice(groupStart).map((q, i) => explain(db, `group page query ${i + 1}`, q)))),
    ];
    for (const p of plans) log(`--- plan: ${p.label}\n${p.plan}`);
    const searchPlansUseTrigram = [plans[2]!, plans[3]!].every(
      (p) => /prompt_texts_text_search_idx/.test(p.plan) && /response_search_texts_text_idx/.test(p.plan),
    );
    const tablePlanUsesIndex = /pairs_table_language_status_margin_idx/.test(plans[0]!.plan);
    const seqScans = plans.filter((p) => p.seqScanOnPairs).map((p) => p.label);
    log(
      `index use: table page ${tablePlanUsesIndex ? "pairs_table_language_status_margin_idx" : "MISSING"}; search ${searchPlansUseTrigram ? "trigram indexes" : "NO trigram index"}; seq scans on pairs: ${seqScans.join(", ") || "none"}`,
    );

    const floorSql = `SELECT id FROM pairs WHERE dataset_id = $1 AND language = $2 AND status = 'proposed' ORDER BY margin, id LIMIT ${PAGE + 1}`;
    const rand = lcg(17);
    const floors: number[] = [];
    for (let i = 0; i < 50; i++)
      floors.push(await timed(() => db.pool.query(floorSql, [datasetId, BENCH_LANGUAGES[i % BENCH_LANGUAGES.length]])));
    const samples = [
      await tableRequests(db, datasetId, rand),
      await searchRequests(db, datasetId, g.n, rand),
      await groupRequests(db, datasetId, g, rand),
      await decisionRequests(db, datasetId, rand),
    ];
    const floorMs = quantile(floors, 0.5);
    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(" ");
    for (const s of samples)
      log(`${s.name}: p50 ${round(quantile(s.ms, 0.5))} ms, p95 ${round(quantile(s.ms, 0.95))} ms over ${s.ms.length}`);
    log(
      `floor (bare index range scan of one page, median of ${floors.length}): ${round(floorMs)} ms; load average ${load}; dataset ${size} pairs, ${g.n} groups`,
    );
    const [table, searchS, group, decision] = samples.map((s) => ({ p50: round(quantile(s.ms, 0.5)), p95: round(quantile(s.ms, 0.95)) }));
    log(
      `goal p95 < 150 ms for table pages and decisions: table ${table!.p95 < 150 ? "met" : "NOT met"}, decisions ${decision!.p95 < 150 ? "met" : "NOT met"} (total ${seconds(samples.flatMap((s) => s.ms).reduce((a, b) => a + b, 0))} s timed)`,
    );
    return {
      size,
      slowdown: round(table!.p95 / floorMs),
      table_p50_ms: table!.p50,
      table_p95_ms: table!.p95,
      search_p50_ms: searchS!.p50,
      search_p95_ms: searchS!.p95,
      group_p50_ms: group!.p50,
      group_p95_ms: group!.p95,
      decision_p50_ms: decision!.p50,
      decision_p95_ms: decision!.p95,
      floor_ms: round(floorMs),
      search_index_drain_s: round(drain.seconds),
      search_index_drain_per_s: drainRate,
      table_index_ok: tablePlanUsesIndex,
      search_trigram_ok: searchPlansUseTrigram,
      seq_scans_on_pairs: seqScans,
      load_average: load,
    };
  } finally {
    await closeDatabase();
  }
}
