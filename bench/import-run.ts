// One import in a process of its own, as the CLI runs it, so its peak RSS is the import's alone (not the
// generator's or the floors'). Prints one JSON line. Usage: tsx bench/import-run.ts <file> <slug> <workers>
import { closeDatabase } from "@/lib/db/client";
import { emptyStats, importFile } from "@/lib/import/loader/import-file";
import { backendCpu, benchDatabase, mainThreadCpu } from "./bench-db";
import { trackPeakRss } from "./peak-rss";

const [path, slug, workers] = process.argv.slice(2);
const db = await benchDatabase();
const stats = emptyStats();
const rss = trackPeakRss();
const cpu0 = process.cpuUsage();
const main0 = mainThreadCpu();
let pg0: number | null = null;
const t0 = Date.now();
const summary = await importFile(db, {
  source: { path: path! },
  datasetSlug: slug!,
  create: { task: "general" },
  workers: Number(workers),
  stats,
  onProgress: () => {
    pg0 ??= backendCpu(stats.backendPid);
  },
});
const ms = Date.now() - t0;
const pg1 = backendCpu(stats.backendPid);
const cpu = process.cpuUsage(cpu0);
const main1 = mainThreadCpu();
const peakRssMb = rss.stop();
await closeDatabase();
process.stdout.write(
  `${JSON.stringify({ summary, stats, ms, peakRssMb, processCpuS: (cpu.user + cpu.system) / 1e6, mainThreadCpuS: main0 !== null && main1 !== null ? main1 - main0 : null, postgresCpuS: pg0 !== null && pg1 !== null ? pg1 - pg0 : null })}\n`,
);
