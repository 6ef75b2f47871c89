import { chmod, copyFile, mkdir, rename, stat } from "node:fs/promises";
import path from "node:path";
import { ExportLayoutError, usesSingleFile, type ExportFormat, type ManifestFile } from "@/lib/export/formats";
import { AppError } from "@/lib/errors";
import { fileInExport } from "./location";

/** Checks `--out` before any work is done (DESIGN §3: a file for single-file formats without a split, else a directory). */
export async function checkOutPath(format: ExportFormat, out: string, hasSplit: boolean): Promise<void> {
  const existing = await stat(out).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? null : Promise.reject(e)));
  if (usesSingleFile(format, hasSplit) && existing?.isDirectory()) {
    throw new AppError("BAD_INPUT", `--out ${out} is a directory, but format ${format} without a split writes one file`);
  }
  if (!usesSingleFile(format, hasSplit) && existing && !existing.isDirectory()) {
    throw new AppError("BAD_INPUT", `--out ${out} is a file, but format ${format} writes a directory`);
  }
}

/**
 * Copies a stored export to `out`: the one file to the path `out` names, or every file under the
 * directory `out`. Each file is copied to `<name>.partial` and renamed, like the export writer does.
 */
export async function copyExportTo(
  snapshot: { location: string; layout: "file" | "directory"; files: ManifestFile[] },
  out: string,
): Promise<string[]> {
  const written: string[] = [];
  for (const file of snapshot.files) {
    const target = snapshot.layout === "file" ? path.resolve(out) : fileInExport(path.resolve(out), file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(fileInExport(snapshot.location, file.path), `${target}.partial`);
    await chmod(`${target}.partial`, 0o644); // the snapshot's copy is read-only; the user's is not
    await rename(`${target}.partial`, target);
    written.push(target);
  }
  if (snapshot.layout === "file" && written.length !== 1) {
    throw new ExportLayoutError(`a single-file export has ${written.length} files`);
  }
  return written;
}
