// `npm run worker`: executes queued pipeline runs; run several to share one run.
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { startWorker } from "./start-worker";

const log = (m: string) => process.stderr.write(`[worker] ${m}\n`);
const db = await getDatabase();
const stop = await startWorker(db, log);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log("stopping");
    void stop()
      .then(closeDatabase)
      .finally(() => process.exit(0));
  });
}
