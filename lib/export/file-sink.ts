import { createHash, type Hash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import type { ManifestFile } from "./types";

const TEXT_CHUNK_CHARS = 64 * 1024;

/**
 * A file written as a stream: bytes are hashed and counted on the way out, writes wait for
 * 'drain' when the OS is behind, and the file only gets its final name once it is complete
 * (it is written as `<name>.partial` and renamed by close()).
 */
export class HashedFileSink {
  private readonly hash: Hash = createHash("sha256");
  private pendingText = "";
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
    const stream = createWriteStream(partialPath, { flags: "w" });
    await once(stream, "open");
    return new HashedFileSink(stream, finalPath, partialPath, relativePath);
  }

  /** Buffers text and flushes it in chunks of about 64K characters. */
  async writeText(text: string): Promise<void> {
    this.pendingText += text;
    if (this.pendingText.length >= TEXT_CHUNK_CHARS) await this.flushText();
  }

  /** Writes a copy of the bytes (the caller may reuse its buffer right away). */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flushText();
    await this.push(Buffer.from(bytes));
  }

  async close(): Promise<ManifestFile> {
    await this.flushText();
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

  private async flushText(): Promise<void> {
    if (this.pendingText === "") return;
    const chunk = Buffer.from(this.pendingText, "utf8");
    this.pendingText = "";
    await this.push(chunk);
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
