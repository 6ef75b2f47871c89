// Test support: `tsx lib/testing/crash-mid-append.ts <slug> <file>` appends the file to an existing
// dataset as the CLI does, prints "mid" once part of it is written (on PGlite: after a batch was
// committed; on Postgres: inside its one transaction) and hangs until the test kills it with SIGKILL.
import { getDatabase } from "@/lib/db/client";
import { importFile } from "@/lib/import/loader/import-file";

const [slug, path] = [process.argv[2]!, process.argv[3]!];
const db = await getDatabase();
const hang = (): Promise<never> => {
  process.stdout.write("mid\n");
  return new Promise(() => {});
};
await importFile(db, {
  source: { path },
  datasetSlug: slug,
  append: true,
  onBatchCommitted: hang,
  onProgress: (p) => (db.kind === "postgres" && p.records >= 1 ? hang() : undefined),
});
throw new Error(`the append into ${slug} finished before the crash point`);
