import { z } from "zod";
import { queryMaybeOne, sql, type Queryable } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import type { RunJobKind } from "./registry";

/** Any job's status as the one progress route and component show it. */
export type JobStatusView = {
  kind: string;
  id: number;
  status: string;
  done: number;
  total: number;
  /** What `done` and `total` count. */
  unit: "groups" | "pairs" | "bytes";
  cancelRequested: boolean;
  error: string | null;
  /** Records read so far, for an import (whose progress counts bytes). */
  records?: number;
};

/** What `done` and `total` of a run count: pairs for a bulk job, groups for the pipeline runs. */
export const runUnit = (kind: string): JobStatusView["unit"] => (kind === "bulk" ? "pairs" : "groups");

/** The state the progress component starts from (it then polls the job route). */
export type JobProgressStart = Pick<JobStatusView, "status" | "done" | "total" | "error" | "cancelRequested">;

/** A listed run row's progress, as the runs, run and generate pages hand it to `JobProgress`. */
export function jobProgressOf(run: {
  status: string;
  doneItems: number;
  totalItems: number;
  error: string | null;
  cancelRequested: boolean;
}): JobProgressStart {
  return { status: run.status, done: run.doneItems, total: run.totalItems, error: run.error, cancelRequested: run.cancelRequested };
}

const ZRunStatus = z.object({
  kind: z.string(),
  status: z.string(),
  done_items: z.number(),
  total_items: z.number(),
  cancel_requested: z.boolean(),
  error: z.string().nullable(),
});

/** A pipeline run's status; NOT_FOUND when there is no run `id` of `kind` (any run kind when omitted). */
export async function readRunStatus(db: Queryable, id: number, kind?: RunJobKind): Promise<JobStatusView> {
  const r = await queryMaybeOne(
    db,
    sql`SELECT kind::text, status::text, done_items, total_items, cancel_requested, error FROM pipeline_runs WHERE id = ${id}`,
    ZRunStatus,
  );
  if (!r || (kind !== undefined && r.kind !== kind))
    throw new AppError("NOT_FOUND", kind === "bulk" ? `No bulk job ${id}.` : `No run ${id}.`);
  return {
    kind: r.kind,
    id,
    status: r.status,
    done: r.done_items,
    total: r.total_items,
    unit: runUnit(r.kind),
    cancelRequested: r.cancel_requested,
    error: r.error,
  };
}

const ZExportStatus = z.object({
  status: z.string(),
  rows_done: z.number(),
  rows_total: z.number(),
  cancel_requested: z.boolean(),
  error: z.string().nullable(),
});

export async function readExportStatus(db: Queryable, id: number): Promise<JobStatusView> {
  const r = await queryMaybeOne(
    db,
    sql`SELECT status::text, rows_done, rows_total, cancel_requested, error FROM exports WHERE id = ${id}`,
    ZExportStatus,
  );
  if (!r) throw new AppError("NOT_FOUND", `No export ${id}.`);
  return {
    kind: "export",
    id,
    status: r.status,
    done: r.rows_done,
    total: r.rows_total,
    unit: "pairs",
    cancelRequested: r.cancel_requested,
    error: r.error,
  };
}
