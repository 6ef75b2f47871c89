import type { PoolClient } from "pg";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { discardLoadingDataset, sweepAbandonedLoads } from "./abandoned-loads";
import { execute, queryMaybeOne, queryOne, sql, type Queryable } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import {
  formatError,
  readImport,
  rejectsWriter,
  type ImportFormat,
  type ImportIssue,
  type ImportProgress,
  type ImportSource,
  type RejectsLimits,
} from "@/lib/import/formats";
import type { ImportGroup } from "@/lib/import/formats";
import { BatchLoader } from "./batch-loader";
import { DerivePool } from "./derive-pool";
import {
  createHiddenDataset,
  publishHiddenDataset,
  removeHiddenGroups,
  stillLoading,
  writeHiddenBatch,
  type ImportTarget,
} from "./hidden-dataset";
import { discardLoad, publishLoad, removeLoadGroups, startLoad, writeInLoad } from "./hidden-load";
import type { LoadCounts } from "./load-groups";
import { rejectsLimitMessage, rejectsLimitsFromEnv } from "./rejects-limits";
import { CREATE_STAGE, publishStage, refuseConflicts } from "./staging";
import { isPGlite } from "./write-rows";

type RejectsWriter = ReturnType<typeof rejectsWriter>;

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
  /** Called after each batch is committed, when the import commits batch by batch (on PGlite). */
  onBatchCommitted?: () => void | Promise<void>;
  /** Import in one transaction on PGlite too (as on Postgres), freezing its readers meanwhile: for comparisons. */
  inOneTransaction?: boolean;
  /** Responses per batch (default 2,000): tests lower it to write several batches from a small file. */
  batchResponses?: number;
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

async function datasetFor(opts: ImportFileOptions, client: Queryable, create = true): Promise<ImportTarget> {
  const Row = z.object({ id: z.number(), task: z.string(), pivot_language: z.string(), loading: z.boolean() });
  const found = await queryMaybeOne(
    client,
    sql`SELECT id, task::text AS task, pivot_language, loading FROM datasets WHERE slug = ${opts.datasetSlug}`,
    Row,
  );
  if (found?.loading) throw stillLoading(opts.datasetSlug);
  if (found) return found;
  if (!opts.create || !create)
    throw new AppError("BAD_INPUT", `No dataset "${opts.datasetSlug}"; pass --create --task <task> to create it.`);
  return queryOne(
    client,
    sql`
    INSERT INTO datasets (slug, name, task, updated_at) VALUES (${opts.datasetSlug}, ${opts.create.name ?? opts.datasetSlug}, ${opts.create.task}::"Task", now())
    RETURNING id, task::text AS task, pivot_language, loading`,
    Row,
  );
}

type ReadOutcome = { records: number; invalid: number; invalidated: Set<string>; languages: Set<string> };

/**
 * Reads the file and submits its valid groups to the loader, then waits for every batch. Throws when
 * the import must fail (an invalid record without `rejects`, a fatal input error, no valid record).
 */
async function readInto(
  opts: ImportFileOptions,
  target: ImportTarget,
  load: BatchLoader,
  rejects: RejectsWriter | null,
  rejectsLimits: RejectsLimits,
): Promise<ReadOutcome> {
  const reader = readImport(opts.source, {
    format: opts.format,
    pivot: target.pivot_language,
    maxLineBytes: opts.maxLineBytes,
    maxFileBytes: opts.maxFileBytes,
  });
  const errors: string[] = [];
  const invalidated = new Set<string>();
  const languages = new Set<string>();
  let invalid = 0;
  let pending: ImportGroup[] = [];
  let pendingResponses = 0;
  let validGroups = 0;
  const batchResponses = opts.batchResponses ?? BATCH_RESPONSES;
  for await (const batch of reader.batches()) {
    for (const item of batch) {
      if (item.kind === "group") {
        validGroups += 1;
        if (errors.length > 0 && !rejects) continue;
        pending.push(item.group);
        for (const p of item.group.prompts) languages.add(p.lang);
        pendingResponses += item.group.responses.length + 1;
        if (pendingResponses >= batchResponses) {
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
    throw new AppError(
      "BAD_INPUT",
      `${invalid} invalid record${invalid === 1 ? "" : "s"}; nothing was imported.\n${errors.slice(0, MAX_REPORTED_ERRORS).join("\n")}`,
      { invalid, errors },
    );
  }
  if (validGroups === 0) {
    throw new AppError(
      "BAD_INPUT",
      invalid === 0 ? "The file holds no records; nothing was imported." : `No valid records (${invalid} invalid); nothing was imported.`,
    );
  }
  await load.submit(pending);
  await load.drain();
  return { records: reader.progress.records, invalid, invalidated, languages };
}

/** Fails the import on refused samples, or (with `rejects`) writes them there; returns the invalid count. */
async function settleConflicts(conflicts: ImportIssue[], invalid: number, rejects: RejectsWriter | null): Promise<number> {
  if (conflicts.length === 0) return invalid;
  if (!rejects) {
    const listed = conflicts.slice(0, MAX_REPORTED_ERRORS).map((c) => formatError(c));
    throw new AppError(
      "BAD_INPUT",
      `${conflicts.length} response${conflicts.length === 1 ? "" : "s"} would replace a stored sample; nothing was imported.\n${listed.join("\n")}`,
      {
        invalid: conflicts.length,
        errors: listed,
      },
    );
  }
  for (const c of conflicts) await rejects.write({ kind: "invalid", line: c.line, issues: [c], raw: null, invalidatesGroup: null });
  return invalid + new Set(conflicts.map((c) => c.line)).size;
}

type Run = { opts: ImportFileOptions; pool: DerivePool; rejects: RejectsWriter | null; rejectsLimits: RejectsLimits };

function summaryOf(r: Run, read: ReadOutcome, invalid: number, c: LoadCounts): ImportSummary {
  return {
    dataset: r.opts.datasetSlug,
    records: read.records,
    invalid,
    groupsAdded: c.groups,
    promptsAdded: c.prompts,
    responsesAdded: c.responses,
    duplicateResponses: c.duplicates,
    rejectsFile: r.opts.rejects ?? null,
    deriveWorkers: r.pool.workers,
  };
}

function recordStats(r: Run, load: BatchLoader, publishStart: number): void {
  if (r.opts.stats) {
    Object.assign(r.opts.stats, {
      deriveMs: r.pool.busyMs,
      writeMs: load.writeMs,
      publishMs: performance.now() - publishStart,
      workers: r.pool.workers,
    });
  }
}

/** The whole import in one transaction (Postgres, and merges into an existing dataset on PGlite). */
async function importInOne(db: Database, r: Run, copy: boolean): Promise<ImportSummary> {
  return withTransaction(db, async (client) => {
    if (r.opts.stats && copy) {
      r.opts.stats.backendPid = (await queryOne(client, sql`SELECT pg_backend_pid() AS pid`, z.object({ pid: z.number() }))).pid;
    }
    const target = await datasetFor(r.opts, client);
    await client.query(CREATE_STAGE);
    const load = new BatchLoader({ inOne: client }, copy, target.id, target.task === "math", r.pool, r.opts.append === true);
    try {
      const read = await readInto(r.opts, target, load, r.rejects, r.rejectsLimits);
      const t0 = performance.now();
      if (read.invalidated.size > 0) await execute(client, sql`DELETE FROM import_stage WHERE external_id = ANY(${[...read.invalidated]})`);
      const conflicts = [...load.conflicts, ...(r.opts.append ? [] : await refuseConflicts(client, target.id))];
      const invalid = await settleConflicts(conflicts, read.invalid, r.rejects);
      const staged = await publishStage(client, target.id, r.opts.append === true);
      await execute(
        client,
        sql`
        UPDATE datasets SET languages = coalesce((SELECT array_agg(DISTINCT l ORDER BY l) FROM (
          SELECT unnest(languages) AS l FROM datasets WHERE id = ${target.id} UNION SELECT language FROM prompt_texts WHERE dataset_id = ${target.id}) x), '{}'),
        updated_at = now() WHERE id = ${target.id}`,
      );
      recordStats(r, load, t0);
      const c = load.counts;
      return summaryOf(r, read, invalid, {
        groups: c.groups + staged.groups,
        prompts: c.prompts + staged.prompts,
        responses: c.responses + staged.responses,
        duplicates: c.duplicates + staged.duplicates,
      });
    } catch (e) {
      // No write may still run on the connection being rolled back.
      await load.abandon();
      throw e;
    }
  });
}

/** How an embedded import keeps what it writes from readers until it publishes it all at once. */
type Hiding = {
  write<T>(fn: (tx: PoolClient) => Promise<T>): Promise<T>;
  /** Removes what was written of these groups (refused late). */
  removeGroups(externalIds: string[]): Promise<LoadCounts>;
  /** `languages`: the file's prompt languages, or null when some of its groups were left out. */
  publish(languages: string[] | null): Promise<void>;
  discard(): Promise<void>;
};

/** A new dataset, hidden (datasets.loading) as a whole until published (hidden-dataset.ts). */
function hiddenDataset(db: Database, target: ImportTarget): Hiding {
  return {
    write: (fn) => writeHiddenBatch(db, target.id, fn),
    removeGroups: (ids) => removeHiddenGroups(db, target.id, ids),
    publish: (languages) => publishHiddenDataset(db, target.id, languages),
    discard: () => discardLoadingDataset(db, target.id),
  };
}

/** Rows added to an existing dataset (a merge or an append), hidden as one load (hidden-load.ts). */
async function hiddenLoad(db: Database, target: ImportTarget, slug: string): Promise<Hiding> {
  const loadId = await startLoad(db, target.id, slug);
  return {
    write: (fn) => writeInLoad(db, loadId, fn),
    removeGroups: (ids) => removeLoadGroups(db, loadId, target.id, ids),
    publish: () => publishLoad(db, loadId, target.id),
    discard: () => discardLoad(db, loadId),
  };
}

/**
 * PGlite: written batch by batch in short transactions that readers do not see, then published by one
 * short one, so readers on other connections are served between batches. Whatever fails (or is
 * cancelled) removes what was written: the dataset is left as it was (or not there).
 */
async function importBatched(r: Run, target: ImportTarget, hiding: Hiding): Promise<ImportSummary> {
  const write = async <T>(fn: (tx: PoolClient) => Promise<T>): Promise<T> => {
    const result = await hiding.write(fn);
    await r.opts.onBatchCommitted?.();
    return result;
  };
  const load = new BatchLoader({ inOne: null, write }, false, target.id, target.task === "math", r.pool, r.opts.append === true);
  try {
    const read = await readInto(r.opts, target, load, r.rejects, r.rejectsLimits);
    const t0 = performance.now();
    const c = { ...load.counts };
    if (read.invalidated.size > 0) {
      const removed = await hiding.removeGroups([...read.invalidated]);
      c.groups -= removed.groups;
      c.prompts -= removed.prompts;
      c.responses -= removed.responses;
    }
    const invalid = await settleConflicts(load.conflicts, read.invalid, r.rejects);
    await hiding.publish(read.invalidated.size > 0 || load.conflicts.length > 0 ? null : [...read.languages]);
    recordStats(r, load, t0);
    return summaryOf(r, read, invalid, c);
  } catch (e) {
    await load.abandon();
    // Left behind only if the database is gone too: the worker's resume pass or the next embedded import removes it once its heartbeat lapsed.
    await hiding.discard().catch(() => {});
    throw e;
  }
}

/**
 * Streams a file into a dataset. By default any invalid record aborts the whole import (nothing is
 * written) with the first errors; with `rejects` the valid records are imported and the invalid ones
 * written to that file. Re-importing the same file adds nothing: a response is identified by its
 * group, language, model and sample position, and one that gives another text for a stored sample
 * refuses its record, unless `append` adds the file's responses as new samples.
 *
 * On Postgres the import is one transaction (readers go on reading the committed data meanwhile).
 * On PGlite, whose single session a transaction holds whole, it is written in short transactions
 * that readers do not see, and published at the end by one short one: a new dataset hidden as a
 * whole, rows added to an existing one as a load (importBatched).
 */
export async function importFile(db: Database, opts: ImportFileOptions): Promise<ImportSummary> {
  const rejectsLimits = opts.rejectsLimits ?? rejectsLimitsFromEnv();
  const rejects = opts.rejects ? rejectsWriter(opts.rejects, rejectsLimits) : null;
  const pool = await DerivePool.start(opts.workers ?? 0);
  const run: Run = { opts, pool, rejects, rejectsLimits };
  try {
    const embedded = await isPGlite(db.pool);
    if (!embedded || opts.inOneTransaction) return await importInOne(db, run, !embedded);
    await sweepAbandonedLoads(db);
    if (opts.create) {
      const hidden = await createHiddenDataset(db, opts.datasetSlug, opts.create);
      if (hidden) return await importBatched(run, hidden, hiddenDataset(db, hidden));
    }
    const target = await datasetFor(opts, db.pool, false);
    return await importBatched(run, target, await hiddenLoad(db, target, opts.datasetSlug));
  } finally {
    await pool.close();
    await rejects?.close();
  }
}

export function emptyStats(): ImportStats {
  return { deriveMs: 0, writeMs: 0, publishMs: 0, workers: 0, backendPid: null };
}

export type { ImportIssue };
