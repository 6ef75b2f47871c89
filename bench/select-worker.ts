// One worker process of `npm run bench -- select --workers N`: executes a select run that other such
// processes execute at the same time (chunk claims share the work), then prints one JSON line.
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { rssByQuarter } from "./peak-rss";

const runId = Number(process.argv[2]);
const workerId = process.argv[3] ?? `bench-${process.pid}`;
const db = await getDatabase();
const rss = rssByQuarter();
const cpu0 = process.cpuUsage();
const t0 = Date.now();
const outcome = await executeSelectRun(db, runId, { workerId, onProgress: (p) => rss.progress(p.done, p.total) });
const ms = Date.now() - t0;
const cpu = process.cpuUsage(cpu0);
const { peak, quarters } = rss.stop();
const result = { workerId, outcome, ms, cpu_s: (cpu.user + cpu.system) / 1e6, peak_rss_mb: peak, rss_quarters_mb: quarters };
process.stdout.write(`${JSON.stringify(result)}\n`);
await closeDatabase();
