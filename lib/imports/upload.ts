import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { getDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { importFile, type ImportSummary } from "./import-file";
import type { TUploadParams } from "./schemas";

/** Imports an uploaded file as it streams in; the upload limit is enforced before and while reading. */
export async function importUpload(body: ReadableStream<Uint8Array> | null, size: number | null, params: TUploadParams): Promise<ImportSummary> {
  const limit = env().CM_UPLOAD_LIMIT_MB * 2 ** 20;
  if (!body) throw new AppError("BAD_INPUT", "The upload is empty.");
  if (size !== null && size > limit) {
    throw new AppError("BAD_INPUT", `The file is ${(size / 2 ** 20).toFixed(1)} MB; the upload limit is ${env().CM_UPLOAD_LIMIT_MB} MB (CM_UPLOAD_LIMIT_MB).`);
  }
  if (params.create === "1" && !params.task) throw new AppError("BAD_INPUT", "task: choose the task of the new dataset");
  const rejectsDir = resolve(env().CM_DATA_DIR, "rejects");
  if (params.skipInvalid === "1") mkdirSync(rejectsDir, { recursive: true });
  return importFile(await getDatabase(), {
    source: { stream: Readable.fromWeb(body as WebReadableStream<Uint8Array>), filename: params.filename, size: size ?? undefined },
    datasetSlug: params.slug,
    create: params.create === "1" && params.task ? { task: params.task, name: params.name } : undefined,
    format: params.format,
    maxFileBytes: limit,
    rejects: params.skipInvalid === "1" ? join(rejectsDir, `${params.slug}-${Date.now()}.jsonl`) : undefined,
  });
}
