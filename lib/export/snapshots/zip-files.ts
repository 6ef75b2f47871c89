import { PassThrough, type Readable } from "node:stream";
import { ZipFile } from "yazl";

export type ZipEntry = { path: string; absolutePath: string };

/**
 * Streams a zip of the given files, in the given order. Entries are stored uncompressed with a fixed
 * time and mode, so the same files always give the same bytes (deflate output could change with a
 * zlib upgrade), and the total size is known up front. Returns the stream and its size.
 */
export function zipFiles(entries: readonly ZipEntry[], mtime: Date): Promise<{ stream: Readable; bytes: number | null }> {
  const zip = new ZipFile();
  const out = new PassThrough();
  zip.on("error", (error: Error) => out.destroy(error));
  zip.outputStream.on("error", (error: Error) => out.destroy(error));
  zip.outputStream.pipe(out);
  for (const entry of entries) {
    zip.addFile(entry.absolutePath, entry.path, { compress: false, mtime, mode: 0o100644 });
  }
  // yazl passes the computed size to this callback; its typings omit the argument.
  const end = zip.end as unknown as (this: ZipFile, options: object, sized: (bytes: number) => void) => void;
  return new Promise((resolve, reject) => {
    zip.once("error", reject);
    end.call(zip, {}, (bytes) => resolve({ stream: out, bytes: bytes >= 0 ? bytes : null }));
  });
}
