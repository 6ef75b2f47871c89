import type { Database } from "@/lib/db/client";
import { z } from "zod";
import { execute, queryMaybeOne, queryOne, queryRows, sql } from "@/lib/db/sql";
import { AppError, isAppError } from "@/lib/errors";
import { heartbeatLapseMs, keepBeating } from "@/lib/jobs/heartbeat";
import { JobCancelled } from "@/lib/jobs/job-cancelled";
import type { ImportProgress } from "@/lib/import/formats";
import type { ImportSummary } from "./import-file";
import { isPGlite } from "./write-rows";
import { discardLoadingDataset } from "./abandoned-loads";

export type ImportRowStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export type ImportStatusView = {
  id: number;
  datasetSlug: string;
  filename: string;
  status: ImportRowStatus;
  bytesTotal: number;
  bytesDone: number;
  records: number;
  summary: ImportSummary | null;
  /** Set when the import failed: the message and the first errors (line, field, problem). */
  error: { message: string; errors: string[]; invalid: number | null } | null;
};

export type NewImportRow = {
  datasetSlug: string;
  filename: string;
  bytesTotal: number | null;
  options: Record<string, unknown>;
  createdById: number | null;
};

const PROGRESS_EVERY_MS = 250;
export const CANCELLED_MESSAGE = "The import was cancelled; nothing was imported.";

/** A queued status row for an import; the dataset is linked now if it exists (and no import is still loading it), else when the import succeeds. */
export async function createImportRow(db: Database, row: NewImportRow): Promise<number> {
  const created = await queryOne(
    db.pool,
    sql`INSERT INTO imports (dataset_id, dataset_slug, filename, options, bytes_total, created_by_id)
     VALUES ((SELECT id FROM datasets WHERE slug = ${row.datasetSlug} AND NOT loading), ${row.datasetSlug}, ${row.filename},
             ${JSON.stringify(row.options)}, ${row.bytesTotal ?? 0}, ${row.createdById}) RETURNING id`,
    z.object({ id: z.number() }),
  );
  return created.id;
}

function errorOf(e: unknown): NonNullable<ImportStatusView["error"]> {
  if (!isAppError(e)) return { message: "Unexpected server error; see the server log.", errors: [], invalid: null };
  const details = e.details as { invalid?: number; errors?: string[] } | undefined;
  return { message: e.message, errors: details?.errors ?? [], invalid: details?.invalid ?? null };
}

type Live = { view: ImportStatusView; cancel: boolean; oneSession: boolean };
// Imports running in this process. On PGlite every connection shares one session, so nothing can be
// read or written beside an open import transaction: progress and cancel requests go through here.
const live: Map<number, Live> = ((globalThis as { __cmLiveImports?: Map<number, Live> }).__cmLiveImports ??= new Map());

function sharesOneSession(db: Database): Promise<boolean> {
  return isPGlite(db.pool);
}

/**
 * Runs an import against its status row: `running` with bytes and records while it loads (written at
 * most every 250 ms on another connection, so readers see it mid-transaction; on PGlite kept in this
 * process), then `succeeded` with the summary or `failed` with the errors. Cancelling meanwhile aborts
 * the import at its next progress report; its transaction is rolled back either way.
 */
export async function runWithStatus(
  db: Database,
  id: number,
  run: (onProgress: (p: ImportProgress) => Promise<void>) => Promise<ImportSummary>,
): Promise<ImportSummary> {
  const started = await queryMaybeOne(
    db.pool,
    sql`UPDATE imports SET status = 'running', updated_at = now() WHERE id = ${id} AND status = 'queued' RETURNING dataset_slug, filename, bytes_total`,
    z.object({ dataset_slug: z.string(), filename: z.string(), bytes_total: ZBigIntNumber }),
  );
  if (!started) throw new AppError("CONFLICT", `Import ${id} is not waiting to run.`);
  const entry: Live = {
    view: {
      id,
      datasetSlug: started.dataset_slug,
      filename: started.filename,
      status: "running",
      bytesTotal: started.bytes_total,
      bytesDone: 0,
      records: 0,
      summary: null,
      error: null,
    },
    cancel: false,
    oneSession: await sharesOneSession(db),
  };
  live.set(id, entry);
  let last = 0;
  const onProgress = async (p: ImportProgress) => {
    entry.view.bytesDone = p.bytesRead;
    entry.view.bytesTotal = Math.max(entry.view.bytesTotal, p.totalBytes ?? 0);
    entry.view.records = p.records;
    const now = Date.now();
    if (!entry.oneSession && now - last >= PROGRESS_EVERY_MS) {
      last = now;
      const r = await queryMaybeOne(
        db.pool,
        sql`UPDATE imports SET bytes_done = ${entry.view.bytesDone}, bytes_total = ${entry.view.bytesTotal}, records = ${entry.view.records},
               updated_at = now() WHERE id = ${id} RETURNING status`,
        z.object({ status: z.string() }),
      );
      if (r?.status === "cancelled") entry.cancel = true;
    }
    if (entry.cancel) throw new JobCancelled(CANCELLED_MESSAGE);
  };
  // The import's heartbeat (updated_at) also while it commits; on PGlite the one session is busy, and
  // the server's own process is the only one that could run it.
  const stopBeating = entry.oneSession
    ? () => {}
    : keepBeating(heartbeatLapseMs(), () =>
        db.pool.query(sql`UPDATE imports SET updated_at = now() WHERE id = ${id} AND status = 'running'`),
      );
  try {
    const summary = await run(onProgress);
    const bytes = Math.max(entry.view.bytesTotal, entry.view.bytesDone);
    await execute(
      db.pool,
      sql`UPDATE imports SET status = 'succeeded', summary = ${JSON.stringify(summary)}, records = ${summary.records},
         bytes_total = ${bytes}, bytes_done = ${bytes},
         dataset_id = (SELECT id FROM datasets WHERE slug = dataset_slug), finished_at = now(), updated_at = now() WHERE id = ${id}`,
    );
    return summary;
  } catch (e) {
    await execute(
      db.pool,
      sql`UPDATE imports SET status = CASE WHEN ${entry.cancel} OR status = 'cancelled' THEN 'cancelled'::"JobStatus" ELSE 'failed'::"JobStatus" END,
         errors = ${JSON.stringify(errorOf(e))}, bytes_done = ${entry.view.bytesDone}, records = ${entry.view.records},
         finished_at = now(), updated_at = now() WHERE id = ${id}`,
    );
    throw e;
  } finally {
    stopBeating();
    live.delete(id);
  }
}

/** Asks a queued or running import to stop; false when it has already finished. */
export async function cancelImport(db: Database, id: number): Promise<boolean> {
  const running = live.get(id);
  if (running) {
    running.cancel = true;
    if (running.oneSession) return true;
  }
  const cancelled = await execute(
    db.pool,
    sql`UPDATE imports SET status = 'cancelled', updated_at = now(), finished_at = CASE WHEN status = 'queued' THEN now() END WHERE id = ${id} AND status IN ('queued', 'running')`,
  );
  return cancelled === 1 || running !== undefined;
}

/** A bigint column (pg gives a string) as the number it was read as before. */
const ZBigIntNumber = z.coerce.number();

const ZImportRow = z.object({
  id: z.number(),
  dataset_slug: z.string(),
  filename: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]) satisfies z.ZodType<ImportRowStatus>,
  bytes_total: ZBigIntNumber,
  bytes_done: ZBigIntNumber,
  records: z.number(),
  // Written by runWithStatus as an ImportSummary and as errorOf's shape.
  summary: z.custom<ImportSummary | null>(),
  errors: z.custom<ImportStatusView["error"]>(),
});

export async function getImportStatus(db: Database, id: number): Promise<ImportStatusView | null> {
  const running = live.get(id);
  if (running) return { ...running.view };
  const r = await queryMaybeOne(
    db.pool,
    sql`SELECT id, dataset_slug, filename, status::text AS status, bytes_total, bytes_done, records, summary, errors FROM imports WHERE id = ${id}`,
    ZImportRow,
  );
  if (!r) return null;
  return {
    id: r.id,
    datasetSlug: r.dataset_slug,
    filename: r.filename,
    status: r.status,
    bytesTotal: r.bytes_total,
    bytesDone: r.bytes_done,
    records: r.records,
    summary: r.summary,
    error: r.errors,
  };
}

export const LAPSED_IMPORT_MESSAGE = "The server stopped during the import; nothing was imported. Start it again.";

/**
 * Marks failed the running imports whose server died (heartbeat `updated_at` lapsed). On Postgres an
 * import is one transaction, so nothing of it was written; on PGlite an import that created its
 * dataset wrote it hidden, and that dataset is removed first, so "failed" means nothing is left.
 * Imports running in this process are left alone.
 */
export async function failLapsedImports(db: Database, lapseMs: number): Promise<number[]> {
  const lapsed = await queryRows(
    db.pool,
    sql`SELECT i.id, d.id AS "hiddenId" FROM imports i LEFT JOIN datasets d ON d.slug = i.dataset_slug AND d.loading
        WHERE i.status = 'running' AND i.updated_at < now() - make_interval(secs => ${lapseMs}::float8 / 1000)
          AND NOT (i.id = ANY(${[...live.keys()]}::int[]))`,
    z.object({ id: z.number(), hiddenId: z.number().nullable() }),
  );
  for (const { hiddenId } of lapsed) if (hiddenId !== null) await discardLoadingDataset(db, hiddenId);
  const rows = await queryRows(
    db.pool,
    sql`UPDATE imports SET status = 'failed', errors = ${JSON.stringify({ message: LAPSED_IMPORT_MESSAGE, errors: [], invalid: null })},
               finished_at = now(), updated_at = now()
        WHERE status = 'running' AND id = ANY(${lapsed.map((l) => l.id)}::int[])
        RETURNING id`,
    z.object({ id: z.number() }),
  );
  return rows.map((r) => r.id);
}
