import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { ASK_PASSWORD, passwordMatches, passwordRefused } from "./pglite-auth";

// Serves one PGlite instance over the Postgres wire protocol to any number of connections.
// PGlite has a single session, so connections take turns: a connection keeps the database from
// its first message until the backend reports ReadyForQuery with status idle ('I'), i.e. after a
// whole query cycle or a whole transaction. Messages of two connections never interleave.
// A connection first proves it knows the server's secret (a cleartext password on loopback); only
// then does its startup message reach PGlite.

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;

class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  readonly queue: Buffer[] = [];
  /** The last bytes the backend sent, to spot a trailing ReadyForQuery message. */
  tail: Buffer = Buffer.alloc(0);
  closed = false;
  pumping = false;
  /** The startup message, held back until the password is checked. */
  startup: Buffer | null = null;
  authenticated = false;

  constructor(readonly socket: Socket) {}

  /** Splits incoming bytes into whole protocol messages; answers SSL requests itself. */
  receive(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        const code = this.buffer.readInt32BE(4);
        if (this.buffer.length < length) return;
        const message = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        if (code === SSL_REQUEST) {
          this.socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) {
          this.socket.end();
          return;
        }
        this.started = true;
        this.queue.push(Buffer.from(message));
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < length) return;
      this.queue.push(Buffer.from(this.buffer.subarray(0, length)));
      this.buffer = this.buffer.subarray(length);
    }
  }

  idleAfterLastReply(): boolean {
    const t = this.tail;
    return t.length >= 6 && t[t.length - 6] === 0x5a && t.readInt32BE(t.length - 5) === 5 && t[t.length - 1] === 0x49;
  }
}

export class PGliteServer {
  private server: Server | null = null;
  private owner: Connection | null = null;
  private readonly waiting: Connection[] = [];
  private readonly connections = new Set<Connection>();

  constructor(
    private readonly db: PGlite,
    private readonly secret: string,
  ) {}

  async listen(host = "127.0.0.1", port = 0): Promise<number> {
    await this.db.waitReady;
    this.server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, host, () => resolve());
    });
    const address = this.server.address();
    if (address === null || typeof address === "string") throw new Error("PGlite server has no TCP address");
    return address.port;
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    const conn = new Connection(socket);
    socket.setNoDelay(true);
    this.connections.add(conn);
    socket.on("data", (chunk: Buffer) => {
      conn.receive(chunk);
      if (conn.authenticated || this.authenticate(conn)) void this.schedule(conn);
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => void this.drop(conn));
  }

  /** Asks for the password after the startup message; true once it matched (the startup then runs). */
  private authenticate(conn: Connection): boolean {
    if (conn.startup === null) {
      const startup = conn.queue.shift();
      if (!startup) return false;
      conn.startup = startup;
      conn.socket.write(ASK_PASSWORD);
    }
    const reply = conn.queue.shift();
    if (!reply) return false;
    if (!passwordMatches(reply, this.secret)) {
      conn.closed = true;
      conn.queue.length = 0;
      conn.socket.end(passwordRefused());
      return false;
    }
    conn.authenticated = true;
    conn.queue.unshift(conn.startup);
    return true;
  }

  private async schedule(conn: Connection): Promise<void> {
    if (conn.queue.length === 0 || conn.closed) return;
    if (this.owner && this.owner !== conn) {
      if (!this.waiting.includes(conn)) this.waiting.push(conn);
      return;
    }
    if (conn.pumping) return;
    this.owner = conn;
    await this.pump(conn);
  }

  private async pump(conn: Connection): Promise<void> {
    conn.pumping = true;
    try {
      await this.drain(conn);
    } finally {
      conn.pumping = false;
    }
    if (this.owner === conn && conn.idleAfterLastReply()) await this.release(conn);
  }

  /** Runs the connection's queued messages until it is idle or has nothing more to send. */
  private async drain(conn: Connection): Promise<void> {
    while (conn.queue.length > 0 && !conn.closed) {
      const message = conn.queue.shift()!;
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(new Uint8Array(message), {
          onRawData: (data) => {
            if (data.length === 0) return;
            conn.tail = Buffer.from(data.subarray(Math.max(0, data.length - 6)));
            if (!conn.closed) conn.socket.write(Buffer.from(data));
          },
        }),
      );
      if (conn.idleAfterLastReply()) return;
    }
    // Mid-cycle (e.g. Parse sent, Sync still in flight): the connection keeps the database.
  }

  private async release(conn: Connection): Promise<void> {
    if (conn.queue.length > 0 && this.waiting.length === 0) return this.pump(conn);
    this.owner = null;
    if (conn.queue.length > 0) this.waiting.push(conn);
    const next = this.waiting.shift();
    if (next) await this.schedule(next);
  }

  private async drop(conn: Connection): Promise<void> {
    conn.closed = true;
    this.connections.delete(conn);
    const i = this.waiting.indexOf(conn);
    if (i >= 0) this.waiting.splice(i, 1);
    if (this.owner !== conn) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK").catch(() => {});
    this.owner = null;
    const next = this.waiting.shift();
    if (next) await this.schedule(next);
  }
}
