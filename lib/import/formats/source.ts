import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

import { messages } from "./messages";
import type { ImportProgress, ImportSource } from "./types";

export const READ_CHUNK_BYTES = 1 << 20;

/** An input problem that ends the import (file too large, unreadable, corrupt gzip…). */
export class ImportFatalError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  throw new ImportFatalError(`the input stream produced a ${typeof chunk}, not bytes`);
}

/** Pulls chunks from an iterator while letting the first bytes be inspected before anyone reads them. */
export class PeekableChunks implements AsyncIterable<Buffer> {
  private readonly buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private done = false;
  /** A read error met while peeking is raised only when iteration gets there. */
  private failure: { error: unknown } | null = null;

  constructor(private readonly iterator: AsyncIterator<Buffer>) {}

  /** At least `bytes` bytes from the start, or all there is when shorter (or when reading failed). */
  async peek(bytes: number): Promise<Buffer> {
    while (this.bufferedBytes < bytes && !this.done) {
      try {
        const next = await this.iterator.next();
        if (next.done) this.done = true;
        else {
          this.buffered.push(next.value);
          this.bufferedBytes += next.value.length;
        }
      } catch (error) {
        this.failure = { error };
        this.done = true;
      }
    }
    return Buffer.concat(this.buffered, this.bufferedBytes);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    try {
      while (this.buffered.length > 0) yield this.buffered.shift() as Buffer;
      if (this.failure) throw this.failure.error;
      if (this.done) return;
      for (;;) {
        const next = await this.iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await this.iterator.return?.();
    }
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

export interface OpenedSource {
  filename: string;
  /** Set when the source is a plain (uncompressed) file that can be read at random offsets. */
  plainFilePath: string | null;
  gzip: boolean;
  /** Decompressed bytes, counted against maxFileBytes. */
  chunks: PeekableChunks;
}

async function* rawChunks(source: ImportSource, progress: ImportProgress): AsyncGenerator<Buffer> {
  const stream: AsyncIterable<unknown> =
    "path" in source ? createReadStream(source.path, { highWaterMark: READ_CHUNK_BYTES }) : source.stream;
  try {
    for await (const chunk of stream) {
      const buf = toBuffer(chunk);
      progress.bytesRead += buf.length;
      yield buf;
    }
  } finally {
    if (stream instanceof Readable) stream.destroy();
  }
}

async function* gunzip(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const inflater = createGunzip({ chunkSize: 256 * 1024 });
  pipeline(Readable.from(chunks, { objectMode: false }), inflater).catch(() => {
    // Errors surface through the iteration below.
  });
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } catch (error) {
    if (error instanceof ImportFatalError) throw error;
    throw new ImportFatalError(`cannot decompress the gzip data: ${(error as Error).message}`);
  }
}

async function* limited(chunks: AsyncIterable<Buffer>, maxFileBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxFileBytes) throw new ImportFatalError(messages.fileTooLarge(maxFileBytes));
    yield chunk;
  }
}

function readErrorMessage(filename: string, error: unknown): string {
  return `cannot read ${filename}: ${error instanceof Error ? error.message : String(error)}`;
}

async function* guarded(chunks: AsyncIterable<Buffer>, filename: string): AsyncGenerator<Buffer> {
  try {
    yield* chunks;
  } catch (error) {
    throw error instanceof ImportFatalError ? error : new ImportFatalError(readErrorMessage(filename, error));
  }
}

export async function openSource(source: ImportSource, progress: ImportProgress, maxFileBytes: number): Promise<OpenedSource> {
  const filename = "path" in source ? basename(source.path) : source.filename;
  if ("path" in source) {
    const info = await stat(source.path).catch((error: unknown) => {
      throw new ImportFatalError(readErrorMessage(source.path, error));
    });
    progress.totalBytes = info.size;
    if (info.size > maxFileBytes) throw new ImportFatalError(messages.fileTooLarge(maxFileBytes));
  } else {
    progress.totalBytes = source.size ?? null;
  }
  const raw = new PeekableChunks(guarded(rawChunks(source, progress), filename));
  const magic = await raw.peek(2);
  const gzip = magic[0] === 0x1f && magic[1] === 0x8b;
  const decompressed = gzip ? gunzip(raw) : raw;
  return {
    filename,
    plainFilePath: !gzip && "path" in source ? source.path : null,
    gzip,
    chunks: new PeekableChunks(limited(decompressed, maxFileBytes)[Symbol.asyncIterator]()),
  };
}
