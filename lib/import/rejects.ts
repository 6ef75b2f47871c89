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
  return error.field === null
    ? `line ${error.line}: ${error.message}`
    : `line ${error.line}, field ${error.field}: ${error.message}`;
}

export interface RejectsWriter {
  /** Appends `{"line","errors","raw"}` (plus `"group"` for group-level failures) as one JSON line. */
  write(item: InvalidItem): Promise<void>;
  /** Flushes and closes the file (a stream passed in is ended too). */
  close(): Promise<void>;
  readonly count: number;
}

/** Writes rejected records as JSONL, honouring backpressure. */
export function rejectsWriter(destination: string | Writable): RejectsWriter {
  const out = typeof destination === "string" ? createWriteStream(destination) : destination;
  let count = 0;
  return {
    get count() {
      return count;
    },
    async write(item) {
      const entry: Record<string, unknown> = { line: item.line, errors: item.issues, raw: item.raw };
      if (item.invalidatesGroup !== null) entry.group = item.invalidatesGroup;
      count++;
      if (!out.write(`${JSON.stringify(entry)}\n`)) await once(out, "drain");
    },
    async close() {
      const finished = once(out, "finish");
      out.end();
      await finished;
    },
  };
}
