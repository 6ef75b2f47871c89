import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { fileInExport } from "./location";
import { getExport, type StoredExport } from "./queries";
import { zipFiles } from "./zip-files";

export type ExportDownload = { stream: Readable; filename: string; contentType: string; bytes: number | null };

const CONTENT_TYPES: Record<string, string> = {
  ".jsonl": "application/x-ndjson; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
};

/**
 * The stored bytes of a finished export: one file (`file` = its manifest path, or the only file of
 * a single-file export) or a zip of all its files. Past exports are never rewritten, so the same
 * request always returns the same bytes; a file whose size no longer matches the manifest is refused.
 */
export async function openExportDownload(db: Database, exportId: number, file?: string | null): Promise<ExportDownload> {
  const exp = await getExport(db, exportId);
  if (exp.status !== "succeeded" || exp.location === null) {
    throw new AppError("CONFLICT", `Export ${exportId} is ${exp.status}; only a succeeded export can be downloaded.`);
  }
  const dataset = await db.prisma.dataset.findUniqueOrThrow({ where: { id: exp.datasetId }, select: { slug: true } });
  const prefix = `${dataset.slug}-export-${exp.id}`;
  const wanted = file ?? (exp.files.length === 1 ? exp.files[0]!.path : null);
  if (wanted !== null) {
    const entry = exp.files.find((f) => f.path === wanted);
    if (!entry) throw new AppError("NOT_FOUND", `file: export ${exportId} has no file ${JSON.stringify(wanted)}`);
    const absolute = await checkedPath(exp, entry);
    return {
      stream: createReadStream(absolute),
      filename: `${prefix}-${entry.path.replaceAll("/", "_")}`,
      contentType: CONTENT_TYPES[path.extname(entry.path)] ?? "application/octet-stream",
      bytes: entry.bytes,
    };
  }
  const entries = [];
  for (const entry of exp.files) entries.push({ path: entry.path, absolutePath: await checkedPath(exp, entry) });
  const zip = await zipFiles(entries, exp.createdAt);
  return { stream: zip.stream, filename: `${prefix}.zip`, contentType: "application/zip", bytes: zip.bytes };
}

async function checkedPath(exp: StoredExport, entry: StoredExport["files"][number]): Promise<string> {
  const absolute = fileInExport(exp.location!, entry.path);
  const found = await stat(absolute).catch(() => null);
  if (!found || found.size !== entry.bytes) {
    throw new AppError("CONFLICT", `Export ${exp.id}: ${entry.path} is missing or was changed on disk (expected ${entry.bytes} bytes).`);
  }
  return absolute;
}
