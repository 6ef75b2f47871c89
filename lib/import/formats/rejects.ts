import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";

import type { ImportIssue, ImportItem } from "./types";

type InvalidItem = Extract<ImportItem, { kind: "invalid" }>;
type FatalItem = Extract<ImportItem, { kind: "fatal" }>;

/** "line 12, field responses.zh[2].text: expected a string, got number" (an invalid item: one issue a line). */
export function formatError(error: ImportIssue | InvalidItem | FatalItem): string {
  if ("kind" in error) {
    if (error.kind === "invalid") return error.issues.map((issue) => formatError(issue)).join("\n");
    return error.line === null ? error.message : `line ${error.line}: ${error.message}`;
  }
  return error.field === null ? `line ${error.line}: ${error.message}` : `line ${error.line}, field ${error.field}: ${error.message}`;
}

/** At most this many rejected records, and this many bytes of rejects file, per import. */
export type RejectsLimits = { lines: number; bytes: number };
export const DEFAULT_REJECTS_LIMITS: RejectsLimits = { lines: 10_000, bytes: 64 * 2 ** 20 };

export interface RejectsWriter {
  /**
   * Appends `{"line","errors","raw"}` (plus `"group"` for group-level failures) as one JSON line;
   * false (nothing written) when that would pass a limit.
   */
  write(item: InvalidItem): Promise<boolean>;
  /** Flushes and closes the file (a stream passed in is ended too). */
  close(): Promise<void>;
  readonly count: number;
  readonly bytes: number;
  /** The limit a refused write would have passed. */
  readonly exceeded: keyof RejectsLimits | null;
}

/** Writes rejected records as JSONL, honouring backpressure, up to `limits`. */
export function rejectsWriter(destination: string | Writable, limits: RejectsLimits = DEFAULT_REJECTS_LIMITS): RejectsWriter {
  const out = typeof destination === "string" ? createWriteStream(destination) : destination;
  let count = 0;
  let bytes = 0;
  let exceeded: keyof RejectsLimits | null = null;
  return {
    get count() {
      return count;
    },
    get bytes() {
      return bytes;
    },
    get exceeded() {
      return exceeded;
    },
    async write(item) {
      const entry: Record<string, unknown> = { line: item.line, errors: item.issues, raw: item.raw };
      if (item.invalidatesGroup !== null) entry.group = item.invalidatesGroup;
      const line = `${JSON.stringify(entry)}\n`;
      const size = Buffer.byteLength(line);
      if (count + 1 > limits.lines) exceeded = "lines";
      else if (bytes + size > limits.bytes) exceeded = "bytes";
      if (exceeded) return false;
      count++;
      bytes += size;
      if (!out.write(line)) await once(out, "drain");
      return true;
    },
    async close() {
      const finished = once(out, "finish");
      out.end();
      await finished;
    },
  };
}
