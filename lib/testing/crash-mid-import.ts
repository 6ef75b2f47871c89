// Test support: `tsx lib/testing/crash-mid-import.ts <importId> <file>` runs a browser import's
// status row as the server does, reports progress after the first record, prints "mid" and hangs
// inside the import's transaction until the test kills it with SIGKILL.
import { getDatabase } from "@/lib/db/client";
import { importFile } from "@/lib/import/loader/import-file";
import { runWithStatus } from "@/lib/import/loader/import-status";

const [importId, path] = [Number(process.argv[2]), process.argv[3]!];
const db = await getDatabase();
await runWithStatus(db, importId, (onProgress) =>
  importFile(db, {
    source: { path },
    datasetSlug: "crashed",
    create: { task: "general" },
    onProgress: async (p) => {
      await onProgress(p);
      if (p.records < 1) return;
      process.stdout.write("mid\n");
      await new Promise(() => {});
    },
  }),
);
throw new Error(`import ${importId} finished before the crash point`);
