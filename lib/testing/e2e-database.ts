import { type Database, getDatabase } from "@/lib/db/client";
import { embeddedUrl, readEmbeddedSecret } from "@/lib/db/embedded";
import { readLock } from "@/lib/db/embedded-lock";
import { setDatabaseUrl } from "@/lib/env";

/**
 * The database of the e2e test server (the embedded one it serves from `dataDir`), for a spec to seed
 * through the lib as the server's own code would. Close it with `closeDatabase()` after the spec.
 */
export async function openServedDatabase(dataDir: string): Promise<Database> {
  const lock = readLock(dataDir);
  if (!lock?.port) throw new Error(`No embedded database is being served from ${dataDir} (is the web server up?)`);
  setDatabaseUrl(embeddedUrl(lock.port, readEmbeddedSecret(dataDir)));
  return getDatabase();
}
