import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";

import { readImport } from "../import/formats/read-import";
import type { ImportGroup, ImportItem, ImportOptions, ImportSource } from "../import/formats/types";

export { gzipSync };

let dir: string | null = null;

/** Writes a fixture file into a per-process temporary directory and returns its path. */
export function fixtureFile(name: string, content: string | Buffer): string {
  if (dir === null) {
    const created = mkdtempSync(join(tmpdir(), "cm-import-test-"));
    process.once("exit", () => rmSync(created, { recursive: true, force: true }));
    dir = created;
  }
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Nested JSONL of `groups` groups, each an English prompt with three responses, then `tail`. */
export function nestedGroupsFile(name: string, groups: number, tail = ""): string {
  const lines = Array.from({ length: groups }, (_, i) =>
    JSON.stringify({
      id: `g${i}`,
      prompts: { en: `Question ${i}?` },
      responses: { en: [`First answer ${i}`, `Second answer ${i}`, `Third answer ${i}`] },
    }),
  );
  return fixtureFile(name, `${lines.join("\n")}\n${tail}`);
}

/** A stream source that delivers `data` in chunks of `chunkSize` bytes. */
export function chunkedSource(data: string | Buffer, filename: string, chunkSize = 1): ImportSource {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return { stream: Readable.from(chunks), filename };
}

export async function collect(source: ImportSource, options: ImportOptions = {}): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  for await (const item of readImport(source, options)) items.push(item);
  return items;
}

export const groupsOf = (items: ImportItem[]): ImportGroup[] => items.flatMap((item) => (item.kind === "group" ? [item.group] : []));

/** Groups of one row each (a flat format's) as `line: externalId lang#sample`, easy to compare exactly. */
export const rowsOf = (groups: ImportGroup[]): string[] =>
  groups.map((g) => `${g.line}: ${g.externalId} ${g.responses[0]?.lang}#${g.responses[0]?.sampleIndex}`);

/** Invalid and fatal items reduced to `[line, field, message]` triples, easy to compare exactly. */
export function problemsOf(items: ImportItem[]): Array<[number | null, string | null, string]> {
  return items.flatMap((item): Array<[number | null, string | null, string]> => {
    if (item.kind === "invalid") return item.issues.map((issue) => [issue.line, issue.field, issue.message]);
    if (item.kind === "fatal") return [[item.line, "FATAL", item.message]];
    return [];
  });
}

export const jsonl = (...records: unknown[]): string => records.map((r) => JSON.stringify(r)).join("\n") + "\n";

export function nestedRecord(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    prompts: { en: `Question ${id}?`, de: `Frage ${id}?` },
    responses: { en: [`answer ${id} a`, `answer ${id} b`], de: [`Antwort ${id}`] },
    ...extra,
  };
}

export function flatRecord(promptId: string | number, lang: string, response: unknown, extra: Record<string, unknown> = {}) {
  return { prompt_id: promptId, lang, prompt: `Prompt ${promptId} in ${lang}`, response, ...extra };
}
