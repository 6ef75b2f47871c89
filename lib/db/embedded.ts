import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { AppError } from "@/lib/errors";
import { RESUME_READER_ROLE } from "./embedded-reader";
import { newSecret } from "./pglite-auth";
import { PGliteServer } from "./pglite-server";
import { makeTreePrivate, writePrivateFile } from "./private-files";
import { isAlive, publishPort, readLock, releaseLock, removeStaleLock, tryClaim } from "./embedded-lock";

export type EmbeddedDatabase = {
  url: string;
  /** True when this process runs PGlite; false when it connects through the process that does. */
  owner: boolean;
  close(): Promise<void>;
};

const WAIT_FOR_OWNER_MS = 30_000;

/** The connection URL of a served PGlite: loopback, with the secret its clients must present. */
export function embeddedUrl(port: number, secret: string): string {
  return `postgresql://postgres:${encodeURIComponent(secret)}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/** Where the owner keeps the wire port's secret (mode 0600, new at every start). */
export function secretPath(dataDir: string): string {
  return join(dataDir, "embedded-secret");
}

/** The secret of the embedded database another process of this user serves from `dir`. */
export function readEmbeddedSecret(dir: string): string {
  try {
    return readFileSync(secretPath(dir), "utf8").trim();
  } catch (e) {
    throw new AppError(
      "DATABASE_LOCKED",
      `The embedded database in ${dir} is open in another process, but its secret ${secretPath(dir)} cannot be read ` +
        `(${(e as NodeJS.ErrnoException).code ?? String(e)}); run this as the user who started it.`,
    );
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
    socket.once("timeout", () => (socket.destroy(), done(false)));
  });
}

/** The extensions every embedded database is opened with. */
export const PGLITE_EXTENSIONS = {
  // pg_trgm serves the trigram search indexes (migration 20261129120200_review_bulk_search).
  pg_trgm,
};

/**
 * Serves a PGlite database over the Postgres wire protocol on a free loopback port, to clients that
 * present `secret` as their password (see embeddedUrl). A new database starts from `from` (a
 * `dumpDataDir` of one) when given, instead of running initdb.
 */
export async function servePGlite(dataDir: string | null, secret: string, from?: Blob): Promise<{ port: number; stop(): Promise<void> }> {
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(from ? { loadDataDir: from } : {}),
    extensions: PGLITE_EXTENSIONS,
  });
  // Files PGlite made before (or with a loose umask) become this user's only.
  if (dataDir) makeTreePrivate(dataDir);
  await db.exec(RESUME_READER_ROLE);
  const server = new PGliteServer(db, secret);
  const port = await server.listen();
  return {
    port,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}

async function becomeOwner(dir: string): Promise<EmbeddedDatabase> {
  try {
    const secret = newSecret();
    writePrivateFile(secretPath(dir), `${secret}\n`);
    const served = await servePGlite(join(dir, "pgdata"), secret);
    publishPort(dir, served.port);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await served.stop();
      releaseLock(dir);
    };
    process.once("exit", () => releaseLock(dir));
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => void close().finally(() => process.exit(130)));
    }
    return { url: embeddedUrl(served.port, secret), owner: true, close };
  } catch (e) {
    releaseLock(dir);
    throw e;
  }
}

/**
 * Opens the embedded database in `dataDir`. One process owns the PGlite files; any other process
 * that opens the same directory is routed through the owner's socket instead of opening the files.
 */
export async function openEmbedded(dataDir: string, opts: { waitMs?: number } = {}): Promise<EmbeddedDatabase> {
  const dir = resolve(dataDir);
  const deadline = Date.now() + (opts.waitMs ?? WAIT_FOR_OWNER_MS);
  for (;;) {
    if (tryClaim(dir)) return becomeOwner(dir);
    const lock = readLock(dir);
    if (lock && !isAlive(lock.pid)) {
      removeStaleLock(dir);
      continue;
    }
    if (lock?.port && (await portAnswers(lock.port))) {
      return { url: embeddedUrl(lock.port, readEmbeddedSecret(dir)), owner: false, close: async () => {} };
    }
    if (Date.now() > deadline) {
      throw new AppError(
        "DATABASE_LOCKED",
        `The embedded database in ${dir} is held by process ${lock?.pid ?? "?"}, which does not answer. ` +
          `Stop that process, or set DATABASE_URL to use a Postgres server.`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
