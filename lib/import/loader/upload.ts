import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { getDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { importFile, type ImportSummary } from "./import-file";
import { createImportRow, getImportStatus, runWithStatus } from "./import-status";
import type { TUploadParams } from "./schemas";
import { wholeBody } from "./upload-body";
import { isPGlite } from "./write-rows";
import { sweepUploadFiles, uploadRejectsDir, uploadRejectsPath, uploadRejectsUrl, uploadSpoolDir } from "./upload-rejects";
import { spoolUpload } from "./upload-spool";

function checkUpload(size: number | null, params: TUploadParams): void {
  const limit = env().CM_UPLOAD_LIMIT_MB;
  if (size !== null && size > limit * 2 ** 20) {
    throw new AppError("BAD_INPUT", `The file is ${(size / 2 ** 20).toFixed(1)} MB; the upload limit is ${limit} MB (CM_UPLOAD_LIMIT_MB).`);
  }
  if (params.create === "1" && !params.task) throw new AppError("BAD_INPUT", "task: choose the task of the new dataset");
}

function optionsOf(params: TUploadParams): Record<string, unknown> {
  return {
    create: params.create === "1",
    task: params.task ?? null,
    name: params.name ?? null,
    format: params.format ?? null,
    skipInvalid: params.skipInvalid === "1",
    append: params.append === "1",
  };
}

/** Uploads from this size on derive their fields in a worker thread. */
const WORKER_UPLOAD_BYTES = 8 * 2 ** 20;

/** Creates the queued status row of an upload that will follow (so its progress can be polled). */
export async function prepareUpload(params: TUploadParams, createdById: number | null): Promise<number> {
  checkUpload(params.size ?? null, params);
  return createImportRow(await getDatabase(), {
    datasetSlug: params.slug,
    filename: params.filename,
    bytesTotal: params.size ?? null,
    options: optionsOf(params),
    createdById,
  });
}

/**
 * Imports an uploaded file as it streams in, against a status row (the prepared one, else a new one).
 * The upload limit is enforced before and while reading; a body shorter than `size` (its
 * Content-Length, else the announced file size) fails the import.
 */
export async function importUpload(
  body: ReadableStream<Uint8Array> | null,
  size: number | null,
  params: TUploadParams,
  createdById: number | null,
): Promise<ImportSummary & { importId: number }> {
  const db = await getDatabase();
  let id = params.import;
  if (id === undefined) {
    id = await createImportRow(db, {
      datasetSlug: params.slug,
      filename: params.filename,
      bytesTotal: size,
      options: optionsOf(params),
      createdById,
    });
  } else if ((await getImportStatus(db, id))?.datasetSlug !== params.slug) {
    throw new AppError("NOT_FOUND", `No import ${id} for dataset "${params.slug}".`);
  }
  const limit = env().CM_UPLOAD_LIMIT_MB * 2 ** 20;
  const summary = await runWithStatus(db, id, async (onProgress) => {
    checkUpload(size, params);
    if (!body) throw new AppError("BAD_INPUT", "The upload is empty.");
    await sweepUploadFiles();
    const rejects = params.skipInvalid === "1" ? uploadRejectsPath(id) : undefined;
    if (rejects) await mkdir(uploadRejectsDir(), { recursive: true });
    const announced = size ?? params.size ?? null;
    const whole = wholeBody(body, announced);
    const spool = (await isPGlite(db.pool))
      ? join(uploadSpoolDir(), `import-${id}-${params.filename.replace(/[^\w.-]/g, "_").slice(-100)}`)
      : null;
    let imported: ImportSummary;
    try {
      if (spool) {
        await mkdir(uploadSpoolDir(), { recursive: true });
        await spoolUpload(whole, spool, { size: announced, maxBytes: limit, onProgress });
      }
      imported = await importFile(db, {
        source: spool ? { path: spool } : { stream: whole, filename: params.filename, size: announced ?? undefined },
        datasetSlug: params.slug,
        create: params.create === "1" && params.task ? { task: params.task, name: params.name } : undefined,
        format: params.format,
        append: params.append === "1",
        maxFileBytes: limit,
        rejects,
        // Off the server's own thread for big files; a small one is done before a worker would have started.
        workers: (size ?? 0) >= WORKER_UPLOAD_BYTES ? 1 : 0,
        onProgress,
      });
    } finally {
      if (spool) await rm(spool, { force: true });
    }
    // The rejects stay on the server for CM_REJECTS_KEEP_HOURS, downloadable from the app.
    if (rejects && imported.invalid === 0) await rm(rejects, { force: true });
    return { ...imported, rejectsFile: rejects && imported.invalid > 0 ? uploadRejectsUrl(params.slug, id) : null };
  });
  return { ...summary, importId: id };
}
