import { spawn } from "node:child_process";
import { once } from "node:events";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { BENCH_LANGUAGES, ensureBenchDataset } from "./export-dataset";
import { scriptHeapFlags } from "./heap-flags";

// `npm run bench -- export [--size N] [--rounds R]`: N pairs to `trl` and `parquet` against the floor,
// which reads the same rows with the same query and cursor batches from Postgres and drops them.
// Each phase runs in a child process (bench/export-phase.ts), so each peak RSS is that phase's own,
// with the heap flags `npm run cli` runs an export with (`--node-defaults`: without them).

const say = (line: string) => process.stdout.write(`${line}\n`);

type Measured = {
  seconds: number;
  rows: number;
  peakRssMb: number;
  firstHalfRssMb: number;
  secondHalfRssMb: number;
  /** CPU time of the phase's process (all threads) and of its Postgres backends: the load barely moves them. */
  cpuSeconds: number;
  /** CPU time of the phase's main thread alone. */
  mainThreadSeconds: number;
  postgresCpuSeconds: number;
};
type Phase = "floor" | "trl" | "parquet";

async function measure(phase: Phase, datasetId: number, size: number, nodeFlags: string[]): Promise<Measured> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, "--import", "tsx", "bench/export-phase.ts", phase, String(datasetId), String(size)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`bench phase ${phase} exited with ${code}`);
  const m = JSON.parse(out.trim().split("\n").pop()!) as Measured;
  say(
    `${phase.padEnd(8)} ${m.rows} pairs in ${m.seconds.toFixed(2)} s = ${Math.round(m.rows / m.seconds)} pairs/s, peak RSS ${m.peakRssMb} MB (first half of the rows ${m.firstHalfRssMb}, second ${m.secondHalfRssMb}), CPU ${m.cpuSeconds.toFixed(2)} s (main thread ${m.mainThreadSeconds.toFixed(2)} s) + Postgres ${m.postgresCpuSeconds.toFixed(2)} s`,
  );
  return m;
}

export async function run({ size = 1_000_000, args }: { size?: number; args: string[] }): Promise<Record<string, unknown>> {
  const roundsFlag = args.indexOf("--rounds");
  const rounds = roundsFlag >= 0 ? Number(args[roundsFlag + 1]) : 2;
  if (!(Number.isInteger(rounds) && rounds > 0)) throw new Error("--rounds takes a positive integer");
  const nodeFlags = args.includes("--node-defaults") ? [] : scriptHeapFlags("cli");
  if (!env().DATABASE_URL) throw new Error("bench export needs DATABASE_URL (a Postgres to build the benchmark dataset in)");
  const db = await getDatabase();
  try {
    const datasetId = await ensureBenchDataset(db, size, say);
    say(`${size} pairs over ${BENCH_LANGUAGES.length} languages; floor = same query and cursor, rows discarded`);
    say(`each phase: node ${nodeFlags.join(" ") || "(default heap)"}`);
    // The machine may be shared: each phase runs `rounds` times, interleaved, and its best time counts.
    const best: Record<Phase, Measured[]> = { floor: [], trl: [], parquet: [] };
    for (let round = 1; round <= rounds; round++) {
      say(`round ${round}/${rounds}`);
      for (const phase of ["floor", "trl", "parquet"] as const) best[phase].push(await measure(phase, datasetId, size, nodeFlags));
    }
    for (const m of Object.values(best).flat()) {
      if (m.rows !== size) throw new Error(`expected ${size} pairs, read ${m.rows}`);
    }
    const fastest = (ms: Measured[]) => ms.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const peak = (ms: Measured[]) => Math.max(...ms.map((m) => m.peakRssMb));
    const leastCpu = (ms: Measured[], key: "cpuSeconds" | "mainThreadSeconds" | "postgresCpuSeconds" = "cpuSeconds") =>
      Number(Math.min(...ms.map((m) => m[key])).toFixed(2));
    const [floor, trl, parquet] = [fastest(best.floor), fastest(best.trl), fastest(best.parquet)];
    const rate = (m: Measured) => Math.round(m.rows / m.seconds);
    return {
      size,
      slowdown: Number((trl.seconds / floor.seconds).toFixed(3)),
      slowdown_parquet: Number((parquet.seconds / floor.seconds).toFixed(3)),
      pairs_per_s_trl: rate(trl),
      pairs_per_s_parquet: rate(parquet),
      floor_pairs_per_s: rate(floor),
      rounds,
      node_flags: nodeFlags.join(" "),
      peak_rss_mb: Math.max(peak(best.trl), peak(best.parquet)),
      peak_rss_mb_trl: peak(best.trl),
      peak_rss_mb_parquet: peak(best.parquet),
      peak_rss_mb_floor: peak(best.floor),
      // Least CPU seconds of each phase's process (all threads) and of its Postgres backends.
      cpu_s_floor: leastCpu(best.floor),
      cpu_s_trl: leastCpu(best.trl),
      cpu_s_parquet: leastCpu(best.parquet),
      main_thread_s_floor: leastCpu(best.floor, "mainThreadSeconds"),
      main_thread_s_parquet: leastCpu(best.parquet, "mainThreadSeconds"),
      postgres_cpu_s: leastCpu(Object.values(best).flat(), "postgresCpuSeconds"),
      // Memory that grew with the rows read would show as a second half above the first.
      second_half_rss_growth_mb: Math.max(
        ...Object.values(best)
          .flat()
          .map((m) => m.secondHalfRssMb - m.firstHalfRssMb),
      ),
    };
  } finally {
    await closeDatabase();
  }
}
