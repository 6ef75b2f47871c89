import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";
import { fileInExport } from "@/lib/export/snapshots/location";
import { remoteFetch, type RemoteConfig } from "./remote-client";
import type { RemoteExport } from "./remote-commands";

/** Streams one file of an export to `target` via `<target>.partial`; refuses it when its sha256 differs from the manifest. */
async function downloadFile(config: RemoteConfig, exportId: number, file: RemoteExport["files"][number], target: string): Promise<void> {
  const response = await remoteFetch(config, `/exports/${exportId}/download?file=${encodeURIComponent(file.path)}`);
  if (!response.body) throw new AppError("BAD_INPUT", `export ${exportId}: the server sent no body for ${file.path}`);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const hash = createHash("sha256");
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), hashing, createWriteStream(partial));
    const sha256 = hash.digest("hex");
    if (sha256 !== file.sha256)
      throw new AppError("BAD_INPUT", `export ${exportId}: ${file.path} arrived with sha256 ${sha256}, the manifest says ${file.sha256}`);
    await rename(partial, target);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}

/** Downloads every file of a finished export: the one file to `out`, or each file under the directory `out`. */
export async function downloadExportFiles(
  config: RemoteConfig,
  exp: RemoteExport,
  layout: "file" | "directory",
  out: string,
): Promise<string[]> {
  if (layout === "file" && exp.files.length !== 1)
    throw new AppError("BAD_INPUT", `export ${exp.id}: a single-file export lists ${exp.files.length} files`);
  const written: string[] = [];
  for (const file of exp.files) {
    const target = layout === "file" ? path.resolve(out) : fileInExport(path.resolve(out), file.path);
    await downloadFile(config, exp.id, file, target);
    written.push(target);
  }
  return written;
}
