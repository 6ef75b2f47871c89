import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Where export snapshots live: CM_EXPORT_DIR, else `<CM_DATA_DIR>/exports`. */
export function exportRoot(): string {
  const e = env();
  return path.resolve(e.CM_EXPORT_DIR ?? path.join(e.CM_DATA_DIR, "exports"));
}

/**
 * The absolute path of a file of a stored export, refusing paths that leave its directory
 * (`relative` comes from the manifest, or from a download request checked against it).
 */
export function fileInExport(location: string, relative: string): string {
  const full = path.resolve(location, relative);
  if (!full.startsWith(`${path.resolve(location)}${path.sep}`)) {
    throw new AppError("BAD_INPUT", `file: ${JSON.stringify(relative)} is outside the export`);
  }
  return full;
}
