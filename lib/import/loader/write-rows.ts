import { finished } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type Column = { name: string; type: string };
export type Cell = string | number | boolean | Buffer | null;

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function copyCell(value: Cell): string {
  if (value === null) return "\\N";
  if (typeof value === "string") return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return `\\\\x${value.toString("hex")}`;
}

/** COPY text format for column arrays of equal length. */
export function copyText(columns: Cell[][]): string {
  const rows = columns[0]?.length ?? 0;
  const parts: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = copyCell(columns[0]![r]!);
    for (let c = 1; c < columns.length; c++) line += `\t${copyCell(columns[c]![r]!)}`;
    parts.push(line);
  }
  return rows === 0 ? "" : `${parts.join("\n")}\n`;
}

export { isPGlite } from "@/lib/db/single-session";

/** Streams ready COPY text (rows in `columns` order; a string or its UTF-8 bytes) into `table`. */
export async function copyRows(client: PoolClient, table: string, spec: Column[], text: string | Buffer): Promise<void> {
  if (text.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${spec.map((c) => c.name).join(", ")}) FROM STDIN`));
  stream.end(text);
  await finished(stream);
}

/**
 * Appends rows given as column arrays: COPY FROM STDIN when `copy` (Postgres), else one batched
 * `unnest` INSERT (PGlite). Returns the number of rows written.
 */
export async function writeRows(client: PoolClient, copy: boolean, table: string, spec: Column[], columns: Cell[][]): Promise<number> {
  const rows = columns[0]?.length ?? 0;
  if (rows === 0) return 0;
  if (copy) {
    await copyRows(client, table, spec, copyText(columns));
    return rows;
  }
  const names = spec.map((c) => c.name).join(", ");
  const casts = spec.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const result = await client.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${casts})`, columns);
  return result.rowCount ?? rows;
}
