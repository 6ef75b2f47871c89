import { createHash, type Hash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import type { ManifestFile } from "./types";

/** Text is encoded straight into chunks of this size, each handed to the file when full. */
const CHUNK_BYTES = 1024 * 1024;
/** Bytes the file stream may hold before writes wait for 'drain': the OS writes while we encode. */
const STREAM_BUFFER_BYTES = 4 * CHUNK_BYTES;
/** Most UTF-8 bytes one UTF-16 code unit can take. */
const MAX_UTF8_PER_UNIT = 3;

/**
 * A file written as a stream: bytes are hashed and counted on the way out, writes wait for
 * 'drain' when the OS is behind, and the file only gets its final name once it is complete
 * (it is written as `<name>.partial` and renamed by close()).
 */
export class HashedFileSink {
  private readonly hash: Hash = createHash("sha256");
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private failure: Error | undefined;
  private bytes = 0;
  rows = 0;

  private constructor(
    private readonly stream: WriteStream,
    private readonly finalPath: string,
    private readonly partialPath: string,
    readonly relativePath: string,
  ) {
    stream.on("error", (err) => {
      this.failure ??= err;
    });
  }

  static async open(finalPath: string, relativePath: string): Promise<HashedFileSink> {
    await mkdir(path.dirname(finalPath), { recursive: true });
    const partialPath = `${finalPath}.partial`;
    const stream = createWriteStream(partialPath, { flags: "w", highWaterMark: STREAM_BUFFER_BYTES });
    await once(stream, "open");
    return new HashedFileSink(stream, finalPath, partialPath, relativePath);
  }

  /**
   * Encodes text into the current chunk. Returns a promise only when a full chunk had to be handed
   * to the file; the caller must wait for it before writing more.
   */
  writeText(text: string): Promise<void> | undefined {
    if (text.length * MAX_UTF8_PER_UNIT <= CHUNK_BYTES - this.used) {
      this.used += this.chunk.write(text, this.used, "utf8");
      return undefined;
    }
    return this.writeTextAfterFlush(text);
  }

  /** `writeText(a + b)` without building the joined string. */
  writeTexts(a: string, b: string): Promise<void> | undefined {
    if ((a.length + b.length) * MAX_UTF8_PER_UNIT <= CHUNK_BYTES - this.used) {
      this.used += this.chunk.write(a, this.used, "utf8");
      this.used += this.chunk.write(b, this.used, "utf8");
      return undefined;
    }
    return this.writeTextAfterFlush(a + b);
  }

  /** Writes a copy of the bytes (the caller may reuse its buffer right away). */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flushChunk();
    await this.push(Buffer.from(bytes));
  }

  async close(): Promise<ManifestFile> {
    await this.flushChunk();
    this.throwIfFailed();
    this.stream.end();
    await once(this.stream, "close");
    this.throwIfFailed();
    await rename(this.partialPath, this.finalPath);
    return { path: this.relativePath, sha256: this.hash.digest("hex"), bytes: this.bytes, rows: this.rows };
  }

  /** Drops the partial file after a failure; never throws. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.partialPath, { force: true }).catch(() => undefined);
  }

  private async writeTextAfterFlush(text: string): Promise<void> {
    await this.flushChunk();
    if (text.length * MAX_UTF8_PER_UNIT <= CHUNK_BYTES) this.used = this.chunk.write(text, 0, "utf8");
    else await this.push(Buffer.from(text, "utf8"));
  }

  private async flushChunk(): Promise<void> {
    if (this.used === 0) return;
    const full = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    await this.push(full);
  }

  private async push(chunk: Buffer): Promise<void> {
    this.throwIfFailed();
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
