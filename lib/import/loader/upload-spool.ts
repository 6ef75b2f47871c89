import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/lib/errors";
import type { ImportProgress } from "@/lib/import/formats";
import { ImportFatalError } from "@/lib/import/formats/source";

/**
 * Writes an upload's body to `dest`, reporting progress (which may throw to cancel). On the embedded
 * database an import's transaction holds the only session, so the file is first spooled outside any
 * transaction: the app then waits for the import's work only, never for a slow client's network.
 */
export async function spoolUpload(
  body: AsyncIterable<Uint8Array>,
  dest: string,
  opts: { size: number | null; maxBytes: number; onProgress: (p: ImportProgress) => Promise<void> },
): Promise<void> {
  const progress: ImportProgress = { bytesRead: 0, totalBytes: opts.size, records: 0, invalid: 0 };
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of body) {
      progress.bytesRead += chunk.byteLength;
      if (progress.bytesRead > opts.maxBytes)
        throw new AppError(
          "BAD_INPUT",
          `The upload is larger than the limit of ${opts.maxBytes / 2 ** 20} MB (CM_UPLOAD_LIMIT_MB); nothing was imported.`,
        );
      await opts.onProgress(progress);
      yield chunk;
    }
  }
  try {
    await pipeline(Readable.from(counted()), createWriteStream(dest, { mode: 0o600 }));
  } catch (error) {
    throw error instanceof ImportFatalError ? new AppError("BAD_INPUT", error.message) : error;
  }
}
