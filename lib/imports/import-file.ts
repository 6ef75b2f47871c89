import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatError, readImport, rejectsWriter, type ImportFormat, type ImportIssue, type ImportProgress, type ImportSource, type RejectsLimits } from "@/lib/import";
import type { ImportGroup } from "@/lib/import";
import { BatchLoader } from "./batch-loader";
import { DerivePool } from "./derive-pool";
import { rejectsLimitMessage, rejectsLimitsFromEnv } from "./rejects-limits";
import { CREATE_STAGE, publishStage, refuseConflicts } from "./staging";
import { isPGlite } from "./write-rows";

export type ImportFileOptions = {
  source: ImportSource;
  datasetSlug: string;
  create?: { task: "general" | "math" | "translation"; name?: string };
  format?: ImportFormat;
  /** Import the valid records and write the invalid ones here (JSONL); without it any invalid record aborts. */
  rejects?: string;
  /** Add every response as a new sample after the stored ones of its group and language. */
  append?: boolean;
  /** Past either limit the import fails (nothing is written). Default: CM_REJECTS_MAX_LINES and CM_REJECTS_MAX_MB. */
  rejectsLimits?: RejectsLimits;
  maxLineBytes?: number;
  maxFileBytes?: number;
  /** Called after every input chunk; may be async, and may throw to abort (everything is rolled back). */
  onProgress?: (p: ImportProgress) => void | Promise<void>;
  /** Worker threads that compute derived fields (0: on this thread). They need tsx (CLI, benchmarks). */
  workers?: number;
  /** Filled in with where the time went. */
  stats?: ImportStats;
};

export type ImportStats = {
  /** Derivation busy time summed over threads (≈ CPU ms). */
  deriveMs: number;
  /** Wall ms the connection spent writing batches, and publishing (stage → tables, dataset languages). */
  writeMs: number;
  publishMs: number;
  workers: number;
  /** Postgres backend of the import's connection (to read its CPU time), null when embedded. */
  backendPid: number | null;
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
  /** Worker threads that computed the derived fields (0: the calling thread). */
  deriveWorkers: number;
};

export const MAX_REPORTED_ERRORS = 20;
/** Responses per batch handed to derivation and written with one COPY. */
const BATCH_RESPONSES = 2_000;

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
 * and the invalid ones written to that file. Re-importing the same file adds nothing: a response is
 * identified by its group, language, model and sample position, and one that gives another text for a
 * stored sample refuses its record, unless `append` adds the file's responses as new samples.
 */
export async function importFile(db: Database, opts: ImportFileOptions): Promise<ImportSummary> {
  const client = await db.pool.connect();
  const rejectsLimits = opts.rejectsLimits ?? rejectsLimitsFromEnv();
  const rejects = opts.rejects ? rejectsWriter(opts.rejects, rejectsLimits) : null;
  const pool = await DerivePool.start(opts.workers ?? 0);
  let loader: BatchLoader | null = null;
  try {
    await client.query("BEGIN");
    const copy = !(await isPGlite(client));
    if (opts.stats && copy) {
      opts.stats.backendPid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    }
    const dataset = await datasetFor(db, opts, client);
    await client.query(CREATE_STAGE);
    const reader = readImport(opts.source, { format: opts.format, pivot: dataset.pivot_language, maxLineBytes: opts.maxLineBytes, maxFileBytes: opts.maxFileBytes });
    const load = new BatchLoader(client, copy, dataset.id, dataset.task === "math", pool, opts.append === true);
    loader = load;
    const errors: string[] = [];
    const invalidated = new Set<string>();
    let invalid = 0;
    let pending: ImportGroup[] = [];
    let pendingResponses = 0;
    let validGroups = 0;
    for await (const batch of reader.batches()) {
      for (const item of batch) {
        if (item.kind === "group") {
          validGroups += 1;
          if (errors.length > 0 && !rejects) continue;
          pending.push(item.group);
          pendingResponses += item.group.responses.length + 1;
          if (pendingResponses >= BATCH_RESPONSES) {
            await load.submit(pending);
            pending = [];
            pendingResponses = 0;
          }
        } else if (item.kind === "invalid") {
          invalid += 1;
          if (item.invalidatesGroup) invalidated.add(item.invalidatesGroup);
          if (rejects) {
            if (!(await rejects.write(item))) throw new AppError("BAD_INPUT", rejectsLimitMessage(rejects, rejectsLimits));
          } else if (errors.length < MAX_REPORTED_ERRORS) errors.push(...formatError(item).split("\n"));
        } else {
          throw new AppError("BAD_INPUT", formatError(item));
        }
      }
      await opts.onProgress?.(reader.progress);
    }
    if (invalid > 0 && !rejects) {
      throw new AppError("BAD_INPUT", `${invalid} invalid record${invalid === 1 ? "" : "s"}; nothing was imported.\n${errors.slice(0, MAX_REPORTED_ERRORS).join("\n")}`, { invalid, errors });
    }
    if (validGroups === 0) {
      throw new AppError("BAD_INPUT", invalid === 0 ? "The file holds no records; nothing was imported." : `No valid records (${invalid} invalid); nothing was imported.`);
    }
    await load.submit(pending);
    await load.drain();
    const t0 = performance.now();
    if (invalidated.size > 0) await client.query(`DELETE FROM import_stage WHERE external_id = ANY($1)`, [[...invalidated]]);
    const conflicts = [...load.conflicts, ...(opts.append ? [] : await refuseConflicts(client, dataset.id))];
    if (conflicts.length > 0) {
      if (!rejects) {
        const listed = conflicts.slice(0, MAX_REPORTED_ERRORS).map((c) => formatError(c));
        throw new AppError("BAD_INPUT", `${conflicts.length} response${conflicts.length === 1 ? "" : "s"} would replace a stored sample; nothing was imported.\n${listed.join("\n")}`, {
          invalid: conflicts.length, errors: listed,
        });
      }
      for (const c of conflicts) await rejects.write({ kind: "invalid", line: c.line, issues: [c], raw: null, invalidatesGroup: null });
      invalid += new Set(conflicts.map((c) => c.line)).size;
    }
    const staged = await publishStage(client, dataset.id, opts.append === true);
    await client.query(
      `UPDATE datasets SET languages = coalesce((SELECT array_agg(DISTINCT l ORDER BY l) FROM (
         SELECT unnest(languages) AS l FROM datasets WHERE id = $1 UNION SELECT language FROM prompt_texts WHERE dataset_id = $1) x), '{}'),
       updated_at = now() WHERE id = $1`,
      [dataset.id],
    );
    await client.query("COMMIT");
    if (opts.stats) {
      Object.assign(opts.stats, { deriveMs: pool.busyMs, writeMs: load.writeMs, publishMs: performance.now() - t0, workers: pool.workers });
    }
    const c = load.counts;
    return {
      dataset: opts.datasetSlug, records: reader.progress.records, invalid, groupsAdded: c.groups + staged.groups, promptsAdded: c.prompts + staged.prompts,
      responsesAdded: c.responses + staged.responses, duplicateResponses: c.duplicates + staged.duplicates, rejectsFile: opts.rejects ?? null,
      deriveWorkers: pool.workers,
    };
  } catch (e) {
    await loader?.abandon();
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
    await pool.close();
    await rejects?.close();
  }
}

export function emptyStats(): ImportStats {
  return { deriveMs: 0, writeMs: 0, publishMs: 0, workers: 0, backendPid: null };
}

export type { ImportIssue };
