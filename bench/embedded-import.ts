// `npm run bench -- embedded-import [--size N] [--existing | --append | --select] [--one-transaction]`: does the embedded database keep
// answering while a big import (or run) writes? Starts PGlite served by our wire server (in a temp dir), seeds the
// demo dataset (for a pairs page), then, on connections of their own, two probes run (PROBE_PAUSE_MS apart): the
// query /api/health runs and the first page of the pairs table (the lib functions the page calls). Latency of each
// probe on the idle database first, then during the measured work:
//   (default)   import N generated responses into a new dataset (as an upload does: one derive worker);
//   --existing  the same into an empty dataset created beforehand;
//   --append    import N into a new dataset (not measured), then append the same file to it (every response a new
//               sample of its existing group);
//   --select    import N into a new dataset (not measured), then a select run over it (offline scorers);
//   --one-transaction  the measured import in one transaction, as on Postgres (the freeze this avoids).
// A probe's max is about the longest time the single session was held. `slowdown` = the worse probe's p95 during
// the work ÷ its p95 when idle.
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { closeDatabase, getDatabase, type Database } from "@/lib/db/client";
import { embeddedUrl, servePGlite } from "@/lib/db/embedded";
import { migrationState } from "@/lib/db/migrations";
import { newSecret } from "@/lib/db/pglite-auth";
import { findDatasetBySlug } from "@/lib/datasets/queries";
import { seedDemoIfEmpty } from "@/lib/datasets/seed-demo";
import { demoDatasetInfo, generateGroups } from "@/lib/demo";
import { setDatabaseUrl } from "@/lib/env";
import { emptyStats, importFile } from "@/lib/import/loader/import-file";
import { countPairs, listPairs } from "@/lib/pairs/queries";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { filterOf, parsePairTableParams } from "@/lib/pairs/table";
import { log, seconds } from "./bench-db";

const LANGS = ["en", "de", "zh", "ar", "hi", "sw", "fr", "ru"];
const K = 8;
const PROBE_PAUSE_MS = 50;
const IDLE_PROBES = 100;
/** The pairs page counts its filter result up to this (app/datasets/[slug]/pairs/page.tsx). */
const TOTAL_CAP = 10_000;

type Probe = () => Promise<unknown>;
type Latencies = { p50: number; p95: number; max: number; n: number };

function summarise(ms: number[]): Latencies {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const r = (x: number) => Number(x.toFixed(1));
  return { p50: r(at(0.5)), p95: r(at(0.95)), max: r(s.at(-1) ?? 0), n: s.length };
}

async function timed(probe: Probe): Promise<number> {
  const t0 = performance.now();
  await probe();
  return performance.now() - t0;
}

/**
 * Runs each probe (each on its own connection) again PROBE_PAUSE_MS after it answered, until `until`
 * settles. A probe stuck behind a long transaction counts once: `max` shows such a freeze.
 */
async function probeWhile(probes: Probe[], until: Promise<unknown>): Promise<number[][]> {
  let done = false;
  void until.finally(() => (done = true)).catch(() => {});
  return Promise.all(
    probes.map(async (probe) => {
      const out: number[] = [];
      while (!done) {
        out.push(await timed(probe));
        await new Promise((r) => setTimeout(r, PROBE_PAUSE_MS));
      }
      return out;
    }),
  );
}

async function writeFile(path: string, responses: number): Promise<number> {
  const out = createWriteStream(path);
  let n = 0;
  for (const g of generateGroups({ seed: 3, groups: Math.ceil(responses / (K * LANGS.length)), languages: LANGS, samples: K })) {
    for (const list of Object.values(g.responses)) n += list.length;
    if (!out.write(`${JSON.stringify(g)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return n;
}

type Mode = "new" | "existing" | "append" | "select";

const MODE_PATH: Record<Mode, string> = {
  new: "hidden new dataset",
  existing: "existing empty dataset",
  append: "append into an existing dataset",
  select: "select run",
};

/** Runs the unmeasured set-up of `mode`, then returns the measured work (started). */
async function startWork(
  db: Database,
  mode: Mode,
  path: string,
  inOneTransaction: boolean,
): Promise<() => Promise<{ label: string; responses: number; publishMs: number | null }>> {
  const slug = `bench-embedded-${Date.now()}`;
  const imported = async (create: boolean, append = false, measured = true) => {
    const stats = emptyStats();
    const s = await importFile(db, {
      stats,
      inOneTransaction: measured && inOneTransaction,
      source: { path },
      datasetSlug: slug,
      create: create ? { task: "general" } : undefined,
      append,
      workers: 1,
    });
    return { label: "responses", responses: s.responsesAdded, publishMs: Math.round(stats.publishMs) };
  };
  if (mode === "new") return () => imported(true);
  if (mode === "existing") {
    await db.pool.query(`INSERT INTO datasets (slug, name, updated_at) VALUES ($1, $1, now())`, [slug]);
    return () => imported(false);
  }
  const t0 = performance.now();
  const base = await imported(true, false, false);
  log(`set-up: ${base.responses} responses imported into a new dataset in ${seconds(performance.now() - t0)} s`);
  if (mode === "append") return () => imported(false, true);
  const dataset = (await findDatasetBySlug(slug))!;
  return async () => {
    const { runId } = await createSelectRun(db, dataset.id, { scorer: "auto" });
    const outcome = await executeSelectRun(db, runId);
    if (outcome !== "succeeded") throw new Error(`select run ${runId} ended ${outcome}`);
    return { label: "responses selected over", responses: base.responses, publishMs: null };
  };
}

export async function run({ size, args }: { size?: number; args: string[] }) {
  const mode: Mode = args.includes("--existing")
    ? "existing"
    : args.includes("--append")
      ? "append"
      : args.includes("--select")
        ? "select"
        : "new";
  const dir = mkdtempSync(join(tmpdir(), "cm-bench-embedded-"));
  const secret = newSecret();
  const served = await servePGlite(join(dir, "pgdata"), secret);
  const url = embeddedUrl(served.port, secret);
  setDatabaseUrl(url);
  const probePools = [new pg.Pool({ connectionString: url, max: 1 }), new pg.Pool({ connectionString: url, max: 1 })];
  try {
    const db = await getDatabase();
    await seedDemoIfEmpty(db);
    const demo = (await findDatasetBySlug(demoDatasetInfo.slug))!;
    const path = join(dir, "bench.jsonl");
    const responses = await writeFile(path, size ?? 1_000_000);
    const mb = statSync(path).size / 2 ** 20;
    log(`generated ${responses} responses: ${mb.toFixed(0)} MB of nested JSONL; demo dataset for the pairs page seeded`);

    const t = parsePairTableParams({});
    const pairsDb: Database = { ...db, pool: probePools[1]! };
    const health: Probe = () => migrationState(probePools[0]!);
    const pairsPage: Probe = async () => {
      const d = await findDatasetBySlug(demo.slug);
      await Promise.all([listPairs(pairsDb, d!.id, t), countPairs(pairsDb, d!.id, filterOf(t), TOTAL_CAP)]);
    };
    const idle = [[], []] as number[][];
    for (let i = 0; i < IDLE_PROBES; i++) {
      idle[0]!.push(await timed(health));
      idle[1]!.push(await timed(pairsPage));
    }
    const oneTransaction = args.includes("--one-transaction");
    const work = await startWork(db, mode, path, oneTransaction);
    const load0 = loadavg()[0]!;
    const t0 = performance.now();
    const working = work();
    const during = await probeWhile([health, pairsPage], working);
    const done = await working;
    const workMs = performance.now() - t0;
    const names = ["health", "pairs page"];
    const stats = names.map((name, i) => ({ name, idle: summarise(idle[i]!), during: summarise(during[i]!) }));
    log(
      `${MODE_PATH[mode]}: ${seconds(workMs)} s, ${done.responses} ${done.label} (${Math.round(done.responses / (workMs / 1000))}/s); load average ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
    );
    for (const s of stats) {
      log(
        `  ${s.name}: idle p50 ${s.idle.p50} / p95 ${s.idle.p95} / max ${s.idle.max} ms (${s.idle.n}); ` +
          `during the work p50 ${s.during.p50} / p95 ${s.during.p95} / max ${s.during.max} ms (${s.during.n} probes)`,
      );
    }
    const slowdowns = stats.map((s) => s.during.p95 / Math.max(s.idle.p95, 0.1));
    return {
      size: responses,
      path: `${MODE_PATH[mode]}${oneTransaction ? ", one transaction" : ""}`,
      slowdown: Number(Math.max(...slowdowns).toFixed(2)),
      p95_ms: Math.max(...stats.map((s) => s.during.p95)),
      max_ms: Math.max(...stats.map((s) => s.during.max)),
      health_ms: stats[0]!.during,
      health_idle_ms: stats[0]!.idle,
      pairs_page_ms: stats[1]!.during,
      pairs_page_idle_ms: stats[1]!.idle,
      work_s: Number((workMs / 1000).toFixed(1)),
      // From the end of reading to the import's return: removing refused groups (none here) and the publishing transaction.
      publish_ms: done.publishMs,
      load_avg_1m: Number(loadavg()[0]!.toFixed(2)),
    };
  } finally {
    await Promise.all(probePools.map((p) => p.end()));
    await closeDatabase();
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
