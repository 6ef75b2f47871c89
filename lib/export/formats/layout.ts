import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { FORMAT_SPECS } from "./formats";
import type { ExportFormat, SplitName } from "./types";

export type ExportLayout = {
  kind: "file" | "directory";
  /** Absolute directory that manifest paths are relative to. */
  root: string;
  /** Relative path of the records file of a split (text formats). */
  dataFile: (split: SplitName) => string;
};

export class ExportLayoutError extends Error {
  override name = "ExportLayoutError";
}

const SAFE_LANGUAGE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,34}$/;

/** Language codes become path segments and YAML values, so only a safe alphabet is allowed. */
export function assertSafeLanguage(lang: string): void {
  if (!SAFE_LANGUAGE.test(lang)) {
    throw new ExportLayoutError(`language code ${JSON.stringify(lang)} must match ${SAFE_LANGUAGE.source}`);
  }
}

/** Hugging Face shard name; one file per language and split, so always shard 0 of 1. */
export function parquetShardPath(lang: string, split: SplitName): string {
  assertSafeLanguage(lang);
  return `data/${lang}/${split}-00000-of-00001.parquet`;
}

export function usesSingleFile(format: ExportFormat, hasSplit: boolean): boolean {
  return FORMAT_SPECS[format].singleFile && !hasSplit;
}

/** Applies DESIGN §3's rule: a file for single-file formats without a split, else a directory (created if missing). */
export async function prepareLayout(format: ExportFormat, out: string, hasSplit: boolean): Promise<ExportLayout> {
  const target = path.resolve(out);
  const existing = await stat(target).catch(() => undefined);
  const extension = FORMAT_SPECS[format].extension;
  if (usesSingleFile(format, hasSplit)) {
    if (existing?.isDirectory()) {
      throw new ExportLayoutError(`--out ${out} is a directory, but format ${format} without a split writes one file`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    const name = path.basename(target);
    return { kind: "file", root: path.dirname(target), dataFile: () => name };
  }
  if (existing && !existing.isDirectory()) {
    throw new ExportLayoutError(`--out ${out} is a file, but format ${format} writes a directory`);
  }
  await mkdir(target, { recursive: true });
  return { kind: "directory", root: target, dataFile: (split) => `${split}.${extension}` };
}
