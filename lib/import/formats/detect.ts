import { extname } from "node:path";

import { ImportFatalError } from "./source";
import type { ImportContainer, ImportFormat, ImportRecordKind } from "./types";

export interface ContainerChoice {
  container: ImportContainer;
  /** For `json`: a top-level array, or concatenated values (a `.json` file starting with "{"). */
  topLevel: "array" | "stream";
}

function firstSignificantByte(head: Buffer): number | undefined {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i];
}

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;

/** Picks the container from the name (a trailing `.gz` ignored) and the first decompressed bytes. */
export function detectContainer(filename: string, head: Buffer, format: ImportFormat | undefined): ContainerChoice {
  const ext = extname(filename.toLowerCase().replace(/\.gz$/, ""));
  const first = firstSignificantByte(head);
  const parquetMagic = head.subarray(0, 4).toString("latin1") === "PAR1";
  if (format === "csv" || ext === ".csv") return { container: "csv", topLevel: "array" };
  if (parquetMagic || ext === ".parquet") return { container: "parquet", topLevel: "array" };
  if (ext === ".jsonl" || ext === ".ndjson") return { container: "jsonl", topLevel: "array" };
  if (ext === ".json") return { container: "json", topLevel: first === OPEN_BRACE ? "stream" : "array" };
  if (first === OPEN_BRACKET) return { container: "json", topLevel: "array" };
  if (first === OPEN_BRACE || first === undefined) return { container: "jsonl", topLevel: "array" };
  throw new ImportFatalError(
    `cannot tell the format of "${filename}": name it .jsonl, .json, .csv or .parquet (optionally .gz), or pass --format csv`,
  );
}

/** The record shape implied by --format and the container, or null to detect it from the first record. */
export function kindFor(container: ImportContainer, format: ImportFormat | undefined): ImportRecordKind | null {
  if (container === "csv" || container === "parquet") {
    if (format === "nested") {
      const name = container === "csv" ? "CSV" : "Parquet";
      throw new ImportFatalError(`nested records need JSON input (.jsonl or .json); ${name} holds flat rows`);
    }
    return "flat";
  }
  if (format === "nested") return "nested";
  if (format === "flat" || format === "csv") return "flat";
  return null;
}
