import { loadavg } from "node:os";
import pg from "pg";
import { closeDatabase } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { getAgreement } from "@/lib/review/agreement";
import { castVote } from "@/lib/review/cast-vote";
import { claimNextPair } from "@/lib/review/claim-next-pair";
import { setReviewPlan } from "@/lib/review/review-plan";
import { benchDatabase, log } from "./bench-db";
import { BENCH_LANGUAGES, ensureBenchDataset } from "./export-dataset";

// `npm run bench -- queue [--size N]`: team review on a dataset of N pairs (default 1,000,000):
// 20 reviewers (half in one or two languages, half in all) claim the next pair and vote at once,
// ROUNDS times each, on connections of their own; then the agreement page's read, 50 times.
// Goals: claim-next p95 < 50 ms, agreement p95 < 500 ms. Floor: the bare index lookup of a
// language's least-reviewed pair, same run.

const REVIEWERS = 20;
const ROUNDS = 40;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const out = await work();
  return [out, Number(process.hrtime.bigint() - t) / 1e6];
}
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
const round = (x: number) => Math.round(x * 10) / 10;

export async function run(opts: { size?: number }): Promise<Record<string, unknown>> {
  const size = opts.size ?? 1_000_000;
  const db = await benchDatabase();
  const datasetId = await ensureBenchDataset(db, size, log);
  await db.pool.query(sql`DELETE FROM review_votes WHERE dataset_id = ${datasetId}`);
  await db.pool.query(sql`DELETE FROM review_leases WHERE dataset_id = ${datasetId}`);
  await db.pool.query(sql`DELETE FROM review_language_stats WHERE dataset_id = ${datasetId}`);
  await db.pool.query(sql`DELETE FROM review_reviewer_stats WHERE dataset_id = ${datasetId}`);
  await db.pool.query(sql`UPDATE pairs SET votes = 0, consensus = 'pending' WHERE dataset_id = ${datasetId} AND votes <> 0`);
  await db.pool.query(sql`ANALYZE pairs`);
  await setReviewPlan(db, datasetId, { votesPerPair: 2, order: "least-reviewed", blind: true, leaseMinutes: 10 }, null);
  const reviewers: { userId: number; languages: string[] }[] = [];
  for (let i = 0; i < REVIEWERS; i++) {
    const email = `bench-reviewer-${i}@bench.test`;
    const user = await db.prisma.user.upsert({ where: { email }, create: { email, name: `Reviewer ${i}` }, update: {} });
    const languages =
      i % 2 === 0 ? [] : i % 4 === 1 ? [BENCH_LANGUAGES[i % BENCH_LANGUAGES.length]!] : BENCH_LANGUAGES.slice(0, 2).map(String);
    reviewers.push({ userId: user.id, languages });
  }

  const floor: number[] = [];
  for (let i = 0; i < 200; i++) {
    const lang = BENCH_LANGUAGES[i % BENCH_LANGUAGES.length]!;
    floor.push(
      (
        await timed(() =>
          db.pool.query(sql`SELECT id FROM pairs WHERE dataset_id = ${datasetId} AND language = ${lang} ORDER BY votes, id LIMIT 1`),
        )
      )[1],
    );
  }

  const pool = new pg.Pool({ connectionString: db.url, max: REVIEWERS });
  const claims: number[] = [];
  const votes: number[] = [];
  const started = Date.now();
  await Promise.all(
    reviewers.map(async (r) => {
      for (let i = 0; i < ROUNDS; i++) {
        const [leased, ms] = await timed(() => claimNextPair({ pool }, datasetId, r));
        claims.push(ms);
        if (!leased) return;
        const pick = i % 3 === 0 ? "tie" : leased.pair.a.responseId;
        votes.push((await timed(() => castVote({ pool }, leased.pair.id, r.userId, { leaseId: leased.lease.id, preferred: pick })))[1]);
      }
    }),
  );
  const wall = (Date.now() - started) / 1000;
  await pool.end();

  const agreement: number[] = [];
  for (let i = 0; i < 50; i++) agreement.push((await timed(() => getAgreement(db.pool, datasetId)))[1]);

  const claimP95 = quantile(claims, 0.95);
  const floorP95 = quantile(floor, 0.95);
  log(`floor (least-reviewed pair of a language by index): p50 ${round(quantile(floor, 0.5))} ms, p95 ${round(floorP95)} ms`);
  log(
    `claim-next, ${REVIEWERS} reviewers at once: p50 ${round(quantile(claims, 0.5))} ms, p95 ${round(claimP95)} ms (goal < 50) over ${claims.length}`,
  );
  log(`vote: p50 ${round(quantile(votes, 0.5))} ms, p95 ${round(quantile(votes, 0.95))} ms; ${votes.length} votes in ${wall.toFixed(1)} s`);
  log(`agreement page read: p50 ${round(quantile(agreement, 0.5))} ms, p95 ${round(quantile(agreement, 0.95))} ms (goal < 500)`);
  await closeDatabase();
  return {
    size,
    slowdown: round(claimP95 / floorP95),
    claim_p50_ms: round(quantile(claims, 0.5)),
    claim_p95_ms: round(claimP95),
    vote_p95_ms: round(quantile(votes, 0.95)),
    agreement_p95_ms: round(quantile(agreement, 0.95)),
    votes: votes.length,
    load_avg_1m: round(loadavg()[0]!),
  };
}
