import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryRows, sql } from "@/lib/db/sql";
import type { JobHandler, ResumePass } from "@/lib/jobs/registry";
import { runQueuedExport } from "./create-export";
import type { RunExportOptions } from "./execute-export";
import { recoverExports } from "./recover-exports";

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runExport(db: Database, exportId: number, options: RunExportOptions): Promise<string> {
  try {
    const done = await runQueuedExport(db, exportId, options);
    return done ? `export ${exportId}: succeeded, ${done.total} pairs` : `export ${exportId}: not queued (taken or finished)`;
  } catch (error) {
    return `export ${exportId}: ${message(error)}`;
  }
}

/** The `export` job kind's handler: runs a queued export if it is still queued. */
export function exportJobHandler(options: RunExportOptions = {}): JobHandler<"export"> {
  return (db, { exportId }) => runExport(db, exportId, options);
}

/**
 * Takes over exports whose holder's heartbeat lapsed (see recoverExports) and runs them, with any
 * export left queued for longer than the lapse (its queue job was lost).
 */
export function exportResumePass(options: RunExportOptions = {}): ResumePass {
  return async (db, lapseMs) => {
    const requeued = await recoverExports(db, lapseMs);
    const lines = requeued.length > 0 ? [`restarting exports ${requeued.join(", ")} of a worker that died`] : [];
    const waiting = await queryRows(
      db.pool,
      sql`SELECT id FROM exports WHERE status = 'queued' AND (id = ANY(${requeued}) OR created_at < now() - make_interval(secs => ${lapseMs}::float8 / 1000)) ORDER BY id`,
      z.object({ id: z.number() }),
    );
    for (const { id } of waiting) lines.push(await runExport(db, id, options));
    return lines;
  };
}
