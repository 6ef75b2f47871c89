// Select run on ≥1M responses (K = 8, 8 languages) with offline scorers, against the I/O floor
// measured in the same process: streaming the same responses and COPYing as many score and pair rows.
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import { closeDatabase, type Database } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { cursorBatches } from "@/lib/export/snapshots/read-pairs";
import { withReadSnapshot } from "@/lib/export/snapshots/read-snapshot";
import { generateGroups } from "@/lib/demo";
import { loadGeneratedGroups } from "@/lib/datasets/seed-demo";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { backendCpu, benchDatabase, log, seconds } from "./bench-db";
import { scriptHeapFlags } from "./heap-flags";
import { rssByQuarter } from "./peak-rss";

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

/**
 * The I/O the run cannot avoid: every response read (cursor batches on one connection) while as many
 * score rows stream into a COPY on another, then one pair row per K responses. Constant memory at any size.
 */
async function floor(db: Database, datasetId: number): Promise<{ ms: number; responses: number }> {
  const t0 = Date.now();
  const writer = await db.pool.connect();
  let responses = 0;
  try {
    await writer.query(
      `CREATE TEMP TABLE floor_scores (run_id int, dataset_id int, response_id int, group_id int, kind text, score float8)`,
    );
    await writer.query(
      `CREATE TEMP TABLE floor_pairs (run_id int, group_id int, language text, chosen_id int, rejected_id int, margin float8)`,
    );
    const query = sql`SELECT r.id, r.group_id, r.text, r.detected_language, r.extracted_answer FROM responses r
      WHERE r.dataset_id = ${datasetId} ORDER BY r.group_id, r.language, r.sample_index`;
    await withReadSnapshot(db, async (reader) => {
      const scores = Readable.from(
        (async function* () {
          for await (const batch of cursorBatches<{ id: number; group_id: number }>(reader, query)) {
            responses += batch.length;
            yield batch.map((r) => `0\t${datasetId}\t${r.id}\t${r.group_id}\tcl\t0.5\n`).join("");
          }
        })(),
      );
      await pipeline(scores, writer.query(copyFrom("COPY floor_scores FROM STDIN")));
    });
    const pairCount = Math.round(responses / K);
    const pairs = Readable.from(
      (function* () {
        for (let i = 0; i < pairCount; i++) yield `0\t${i}\tde\t1\t2\t0.5\n`;
      })(),
    );
    await pipeline(pairs, writer.query(copyFrom("COPY floor_pairs FROM STDIN")));
    return { ms: Date.now() - t0, responses };
  } finally {
    await writer.query("DROP TABLE IF EXISTS floor_scores, floor_pairs").catch(() => {});
    writer.release();
  }
}

type WorkerResult = { workerId: string; outcome: string; ms: number; cpu_s: number; peak_rss_mb: number; rss_quarters_mb: number[] };

/**
 * Runs `workers` processes of executeSelectRun on one run; each scores on cores ÷ workers threads (at
 * least 1), started with `nodeFlags`. `pin`: worker i runs on core i alone (taskset) with one scoring thread, as on a one-core machine.
 */
async function runWorkers(runId: number, workers: number, pin: boolean, nodeFlags: string[]): Promise<WorkerResult[]> {
  const threads = pin ? "1" : String(Math.max(1, Math.floor(availableParallelism() / workers)));
  const one = (i: number) =>
    new Promise<WorkerResult>((resolve, reject) => {
      const node = [process.execPath, ...nodeFlags, "--import", "tsx", "bench/select-worker.ts", String(runId), `bench-w${i}`];
      const [command, ...args] = pin ? ["taskset", "-c", String(i), ...node] : node;
      const child = spawn(command!, args, {
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

/** CPU seconds of this database's Postgres backends, sampled each second (a backend's last sample counts). */
function trackPostgresCpu(db: Database): { stop(): Promise<number> } {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = async () => {
    const { rows } = await db.pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
    for (const { pid } of rows) {
      const cpu = backendCpu(pid);
      if (cpu === null) continue;
      if (!first.has(pid)) first.set(pid, cpu);
      last.set(pid, cpu);
    }
  };
  let pending = sample();
  const timer = setInterval(() => (pending = pending.then(sample)), 1000);
  return {
    async stop() {
      clearInterval(timer);
      await pending.then(sample);
      let sum = 0;
      for (const [pid, cpu] of last) sum += cpu - first.get(pid)!;
      return Number(sum.toFixed(1));
    },
  };
}

function flags(args: string[]): { workers: number; pin: boolean; nodeFlags: string[] } {
  const workersFlag = args.indexOf("--workers");
  const workers = workersFlag >= 0 ? Number(args[workersFlag + 1]) : 0;
  if (!(Number.isInteger(workers) && workers >= 0)) throw new Error("--workers takes a whole number (0 = this process)");
  const pin = args.includes("--pin");
  if (pin && !(workers >= 1 && workers <= availableParallelism())) throw new Error("--pin needs --workers 1 to the number of cores");
  if (pin && spawnSync("taskset", ["-V"]).status !== 0) throw new Error("--pin needs taskset (util-linux)");
  // A worker process starts with `npm run worker`'s heap flags (`--node-defaults`: node's defaults).
  return { workers, pin, nodeFlags: args.includes("--node-defaults") ? [] : scriptHeapFlags("worker") };
}

export async function run({ size, args = [] }: { size?: number; args?: string[] }) {
  const responses = size ?? 1_000_000;
  const { workers, pin, nodeFlags } = flags(args);
  const db = await benchDatabase();
  const datasetId = await ensureDataset(db, responses);
  const base = await floor(db, datasetId);
  log(`floor (read ${base.responses} responses + COPY scores and pairs): ${seconds(base.ms)} s`);
  const rss = rssByQuarter();
  const pg = trackPostgresCpu(db);
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const { runId } = await createSelectRun(db, datasetId, { scorer: "auto" });
  // --workers N: N processes share the run through chunk claims, as N `npm run worker` would.
  const each = workers > 0 ? await runWorkers(runId, workers, pin, nodeFlags) : null;
  const outcome =
    each === null
      ? await executeSelectRun(db, runId, { onProgress: (p) => rss.progress(p.done, p.total) })
      : each.map((w) => w.outcome).join(",");
  const ms = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const here = rss.stop();
  const pgCpu = await pg.stop();
  const workerCpu = each === null ? (cpu.user + cpu.system) / 1e6 : each.reduce((sum, w) => sum + w.cpu_s, 0);
  const peak = each === null ? here.peak : each.reduce((sum, w) => sum + w.peak_rss_mb, here.peak);
  const quarters = (q: number[]) => q.join(" / ");
  for (const w of each ?? [])
    log(
      `  ${w.workerId}: ${seconds(w.ms)} s, CPU ${w.cpu_s.toFixed(1)} s, peak RSS ${w.peak_rss_mb} MB (per quarter of the run: ${quarters(w.rss_quarters_mb)})`,
    );
  if (each === null) log(`  peak RSS per quarter of the run: ${quarters(here.quarters)} MB`);
  log(
    `select run ${runId} ${outcome}${pin ? " (pinned, one core and one scoring thread per worker)" : ""}: ${seconds(ms)} s, ${Math.round(base.responses / (ms / 1000))} responses/s, CPU ${workerCpu.toFixed(1)} s in the worker${workers > 1 ? "s" : ""} + ${pgCpu} s in Postgres, peak RSS ${peak} MB`,
  );
  await closeDatabase();
  return {
    size: base.responses,
    workers,
    pin,
    node_flags: workers > 0 ? nodeFlags.join(" ") : "(this process)",
    slowdown: Number((ms / base.ms).toFixed(2)),
    responses_per_s: Math.round(base.responses / (ms / 1000)),
    floor_responses_per_s: Math.round(base.responses / (base.ms / 1000)),
    worker_cpu_s: Number(workerCpu.toFixed(1)),
    postgres_cpu_s: pgCpu,
    peak_rss_mb: peak,
    // The worker's own (the first worker's with --workers): growth with the run shows as later quarters above earlier ones.
    rss_quarters_mb: each === null ? here.quarters : each[0]!.rss_quarters_mb,
  };
}
