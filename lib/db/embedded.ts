import { connect } from "node:net";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { AppError } from "@/lib/errors";
import { PGliteServer } from "./pglite-server";
import { isAlive, publishPort, readLock, releaseLock, removeStaleLock, tryClaim } from "./embedded-lock";

export type EmbeddedDatabase = {
  url: string;
  /** True when this process runs PGlite; false when it connects through the process that does. */
  owner: boolean;
  close(): Promise<void>;
};

const WAIT_FOR_OWNER_MS = 30_000;

function urlFor(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
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

/** Serves a PGlite database over the Postgres wire protocol on a free loopback port. */
export async function servePGlite(dataDir: string | null): Promise<{ port: number; stop(): Promise<void> }> {
  // pg_trgm serves the trigram search indexes (migration 20261129120200_review_bulk_search).
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  const server = new PGliteServer(db);
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
    const served = await servePGlite(join(dir, "pgdata"));
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
    return { url: urlFor(served.port), owner: true, close };
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
      return { url: urlFor(lock.port), owner: false, close: async () => {} };
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
