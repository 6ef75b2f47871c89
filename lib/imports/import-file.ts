import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatError, readImport, rejectsWriter, type ImportFormat, type ImportIssue, type ImportProgress, type ImportSource } from "@/lib/import";
import { detectLanguage, extractAnswer } from "@/lib/pipeline";
import { CREATE_STAGE, publishStage, StageBuffer, type Derive } from "./staging";

export type ImportFileOptions = {
  source: ImportSource;
  datasetSlug: string;
  create?: { task: "general" | "math" | "translation"; name?: string };
  format?: ImportFormat;
  /** Import the valid records and write the invalid ones here (JSONL); without it any invalid record aborts. */
  rejects?: string;
  maxLineBytes?: number;
  maxFileBytes?: number;
  onProgress?: (p: ImportProgress) => void;
};

export type ImportSummary = {
  dataset: string;
  records: number;
  invalid: number;
  groupsAdded: number;
  promptsAdded: number;
  responsesAdded: number;
  duplicateResponses: number;
  rejectsFile: string | null;
};

export const MAX_REPORTED_ERRORS = 20;
const FLUSH_ROWS = 5_000;

const derive: Derive = (text, lang, wantAnswer) => ({
  detected: text.trim() === "" ? null : detectLanguage(text, lang),
  answer: wantAnswer ? extractAnswer(text, lang) : null,
});

async function datasetFor(db: Database, opts: ImportFileOptions, client: import("pg").PoolClient) {
  const { rows } = await client.query<{ id: number; task: string; pivot_language: string }>(
    `SELECT id, task::text, pivot_language FROM datasets WHERE slug = $1`,
    [opts.datasetSlug],
  );
  if (rows[0]) return rows[0];
  if (!opts.create) throw new AppError("BAD_INPUT", `No dataset "${opts.datasetSlug}"; pass --create --task <task> to create it.`);
  const created = await client.query<{ id: number; task: string; pivot_language: string }>(
    `INSERT INTO datasets (slug, name, task, updated_at) VALUES ($1, $2, $3::"Task", now()) RETURNING id, task::text, pivot_language`,
    [opts.datasetSlug, opts.create.name ?? opts.datasetSlug, opts.create.task],
  );
  return created.rows[0]!;
}

/**
 * Streams a file into a dataset in one transaction. By default any invalid record aborts the whole
 * import (nothing is written) with the first errors; with `rejects` the valid records are imported
 * and the invalid ones written to that file. Re-importing the same file adds nothing.
 */
export async function importFile(db: Database, opts: ImportFileOptions): Promise<ImportSummary> {
  const client = await db.pool.connect();
  const rejects = opts.rejects ? rejectsWriter(opts.rejects) : null;
  try {
    await client.query("BEGIN");
    const dataset = await datasetFor(db, opts, client);
    await client.query(CREATE_STAGE);
    const reader = readImport(opts.source, { format: opts.format, pivot: dataset.pivot_language, maxLineBytes: opts.maxLineBytes, maxFileBytes: opts.maxFileBytes });
    const stage = new StageBuffer();
    const errors: string[] = [];
    const invalidated = new Set<string>();
    let invalid = 0;
    for await (const batch of reader.batches()) {
      for (const item of batch) {
        if (item.kind === "group") {
          if (errors.length === 0 || rejects) stage.add(item.group, derive, dataset.task === "math");
        } else if (item.kind === "invalid") {
          invalid += 1;
          if (item.invalidatesGroup) invalidated.add(item.invalidatesGroup);
          if (rejects) await rejects.write(item);
          else if (errors.length < MAX_REPORTED_ERRORS) errors.push(...formatError(item).split("\n"));
        } else {
          throw new AppError("BAD_INPUT", formatError(item));
        }
      }
      if (stage.rows >= FLUSH_ROWS) await stage.flush(client);
      opts.onProgress?.(reader.progress);
    }
    await stage.flush(client);
    if (invalid > 0 && !rejects) {
      throw new AppError("BAD_INPUT", `${invalid} invalid record${invalid === 1 ? "" : "s"}; nothing was imported.\n${errors.slice(0, MAX_REPORTED_ERRORS).join("\n")}`, { invalid, errors });
    }
    if (invalidated.size > 0) await client.query(`DELETE FROM import_stage WHERE external_id = ANY($1)`, [[...invalidated]]);
    const counts = await publishStage(client, dataset.id);
    await client.query(
      `UPDATE datasets SET languages = (SELECT array_agg(DISTINCT l ORDER BY l) FROM (
         SELECT unnest(languages) AS l FROM datasets WHERE id = $1 UNION SELECT language FROM prompt_texts WHERE dataset_id = $1) x),
       updated_at = now() WHERE id = $1`,
      [dataset.id],
    );
    await client.query("COMMIT");
    return {
      dataset: opts.datasetSlug, records: reader.progress.records, invalid, groupsAdded: counts.groups, promptsAdded: counts.prompts,
      responsesAdded: counts.responses, duplicateResponses: counts.duplicates, rejectsFile: opts.rejects ?? null,
    };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
    await rejects?.close();
  }
}

export type { ImportIssue };
