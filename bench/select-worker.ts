// One worker process of `npm run bench -- select --workers N`: executes a select run that other such
// processes execute at the same time (chunk claims share the work), then prints one JSON line.
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { trackPeakRss } from "./peak-rss";

const runId = Number(process.argv[2]);
const workerId = process.argv[3] ?? `bench-${process.pid}`;
const db = await getDatabase();
const rss = trackPeakRss();
const t0 = Date.now();
const outcome = await executeSelectRun(db, runId, { workerId });
const ms = Date.now() - t0;
process.stdout.write(`${JSON.stringify({ workerId, outcome, ms, peak_rss_mb: rss.stop() })}\n`);
await closeDatabase();
