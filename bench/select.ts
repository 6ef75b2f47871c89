// Select run on ≥1M responses (K = 8, 8 languages) with offline scorers, against the I/O floor
// measured in the same process: reading the same responses and COPYing as many score and pair rows.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import { closeDatabase, type Database } from "@/lib/db/client";
import { generateGroups } from "@/lib/demo";
import { loadGeneratedGroups } from "@/lib/datasets/seed-demo";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { benchDatabase, log, seconds } from "./bench-db";
import { trackPeakRss } from "./peak-rss";

const LANGS = ["en", "de", "zh", "ar", "hi", "sw", "fr", "ru"];
const K = 8;

async function ensureDataset(db: Database, responses: number): Promise<number> {
  const slug = `bench-select-${responses}`;
  const existing = await db.prisma.dataset.findUnique({ where: { slug } });
  if (existing) return existing.id;
  const groups = Math.ceil(responses / (K * LANGS.length));
  log(`generating ${groups} groups × ${LANGS.length} languages × ${K} samples …`);
  const d = await db.prisma.dataset.create({ data: { slug, name: slug, languages: LANGS } });
  const t0 = Date.now();
  await loadGeneratedGroups(db, d.id, generateGroups({ seed: 1, groups, languages: LANGS, samples: K, mathShare: 0.5 }));
  log(`loaded in ${seconds(Date.now() - t0)} s`);
  return d.id;
}

async function floor(db: Database, datasetId: number): Promise<{ ms: number; responses: number }> {
  const t0 = Date.now();
  const client = await db.pool.connect();
  try {
    const { rows } = await client.query<{ id: number; group_id: number; text: string }>(
      `SELECT r.id, r.group_id, r.text, r.detected_language, r.extracted_answer FROM responses r WHERE r.dataset_id = $1 ORDER BY r.group_id, r.language, r.sample_index`,
      [datasetId],
    );
    await client.query(
      `CREATE TEMP TABLE floor_scores (run_id int, dataset_id int, response_id int, group_id int, kind text, score float8)`,
    );
    await client.query(
      `CREATE TEMP TABLE floor_pairs (run_id int, group_id int, language text, chosen_id int, rejected_id int, margin float8)`,
    );
    const scores = Readable.from(
      (function* () {
        for (const r of rows) yield `0\t${datasetId}\t${r.id}\t${r.group_id}\tcl\t0.5\n`;
      })(),
    );
    await pipeline(scores, client.query(copyFrom("COPY floor_scores FROM STDIN")));
    const pairCount = Math.round(rows.length / K);
    const pairs = Readable.from(
      (function* () {
        for (let i = 0; i < pairCount; i++) yield `0\t${i}\tde\t1\t2\t0.5\n`;
      })(),
    );
    await pipeline(pairs, client.query(copyFrom("COPY floor_pairs FROM STDIN")));
    return { ms: Date.now() - t0, responses: rows.length };
  } finally {
    await client.query("DROP TABLE IF EXISTS floor_scores, floor_pairs").catch(() => {});
    client.release();
  }
}

type WorkerResult = { workerId: string; outcome: string; ms: number; peak_rss_mb: number };

/** Runs `workers` processes of executeSelectRun on one run; each scores on cores ÷ workers threads (at least 1). */
async function runWorkers(runId: number, workers: number): Promise<WorkerResult[]> {
  const threads = String(Math.max(1, Math.floor(availableParallelism() / workers)));
  const one = (i: number) =>
    new Promise<WorkerResult>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "bench/select-worker.ts", String(runId), `bench-w${i}`], {
        env: { ...process.env, CM_SELECT_THREADS: threads },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (b: Buffer) => (out += b.toString()));
      child.on("error", reject);
      child.on("exit", (code) => {
        const last = out.trim().split("\n").at(-1) ?? "";
        if (code === 0) resolve(JSON.parse(last) as WorkerResult);
        else reject(new Error(`select worker ${i} exited with ${code}: ${out}`));
      });
    });
  return Promise.all(Array.from({ length: workers }, (_, i) => one(i)));
}

export async function run({ size, args = [] }: { size?: number; args?: string[] }) {
  const responses = size ?? 1_000_000;
  const workersFlag = args.indexOf("--workers");
  const workers = workersFlag >= 0 ? Number(args[workersFlag + 1]) : 0;
  if (!(Number.isInteger(workers) && workers >= 0)) throw new Error("--workers takes a whole number (0 = this process)");
  const db = await benchDatabase();
  const datasetId = await ensureDataset(db, responses);
  const base = await floor(db, datasetId);
  log(`floor (read ${base.responses} responses + COPY scores and pairs): ${seconds(base.ms)} s`);
  const rss = trackPeakRss();
  const t0 = Date.now();
  const { runId } = await createSelectRun(db, datasetId, { scorer: "auto" });
  // --workers N: N processes share the run through chunk claims, as N `npm run worker` would.
  const each = workers > 0 ? await runWorkers(runId, workers) : null;
  const outcome = each === null ? await executeSelectRun(db, runId) : each.map((w) => w.outcome).join(",");
  const ms = Date.now() - t0;
  const peak = each === null ? rss.stop() : each.reduce((sum, w) => sum + w.peak_rss_mb, rss.stop());
  for (const w of each ?? []) log(`  ${w.workerId}: ${seconds(w.ms)} s, peak RSS ${w.peak_rss_mb} MB`);
  log(`select run ${runId} ${outcome}: ${seconds(ms)} s, ${Math.round(base.responses / (ms / 1000))} responses/s, peak RSS ${peak} MB`);
  await closeDatabase();
  return {
    size: base.responses,
    workers,
    slowdown: Number((ms / base.ms).toFixed(2)),
    responses_per_s: Math.round(base.responses / (ms / 1000)),
    floor_responses_per_s: Math.round(base.responses / (base.ms / 1000)),
    peak_rss_mb: peak,
  };
}
