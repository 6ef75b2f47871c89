// Test support: `tsx lib/testing/crash-mid-export.ts <exportId>` claims a queued export,
// writes its first pairs, prints "mid" and then hangs until the test kills it with SIGKILL.
import { getDatabase } from "@/lib/db/client";
import { runQueuedExport } from "../export/snapshots/create-export";

const exportId = Number(process.argv[2]);
const db = await getDatabase();
await runQueuedExport(db, exportId, {
  batchRows: 2,
  progressIntervalMs: 0,
  onProgress: async (done) => {
    if (done < 4) return;
    process.stdout.write("mid\n");
    await new Promise(() => {});
  },
});
throw new Error(`export ${exportId} was not claimed or finished before the crash point`);
