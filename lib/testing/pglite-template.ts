import { readFileSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "@/lib/db/embedded";

// A new PGlite database runs initdb first: 3–4 s of CPU, more than many test files' tests. The test
// databases start from a dump of an empty one instead (1 s to load), made once per PGlite version and
// kept in the temporary folder for every test process. Migrations still run on each database.

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  return (JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string }).version;
}

let made: Promise<Blob> | null = null;

async function makeDump(): Promise<Blob> {
  const path = join(tmpdir(), `cm-test-pglite-empty-${pgliteVersion()}.tar`);
  try {
    return new Blob([await readFile(path)]);
  } catch {
    const db = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const dump = await db.dumpDataDir("none");
    await db.close();
    // Written aside and renamed: a process that reads it concurrently sees all of it or nothing.
    const aside = `${path}.${process.pid}`;
    await writeFile(aside, Buffer.from(await dump.arrayBuffer()));
    await rename(aside, path);
    return dump;
  }
}

/** A dump (dumpDataDir) of a new, empty PGlite database, for `servePGlite(…, from)`. */
export function emptyPGliteDump(): Promise<Blob> {
  made ??= makeDump();
  return made;
}
