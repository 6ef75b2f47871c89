import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryRows, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { runNumberSql } from "@/lib/jobs/run-number";
import type { RunSummary } from "./summary";

export type RunView = {
  id: number;
  /** The run's place among its dataset's runs (1 = the dataset's first run, of any kind); `id` is global. */
  number: number;
  datasetId: number;
  kind: string;
  status: string;
  config: Record<string, unknown>;
  summary: RunSummary | null;
  totalItems: number;
  doneItems: number;
  failedItems: number;
  cancelRequested: boolean;
  error: string | null;
  /** Who started the run (null: the CLI without a user, or a deleted user). */
  author: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const withAuthor = { createdBy: { select: { name: true } } } as const;
type Row = Awaited<ReturnType<typeof findRows>>[number];

function findRows(db: Database, where: { id?: number | { lt: number }; datasetId?: number }, take: number) {
  return db.prisma.pipelineRun.findMany({ where, orderBy: { id: "desc" }, take, include: withAuthor });
}

/** Per-dataset numbers of runs (lib/jobs/run-number.ts). */
async function runNumbers(db: Database, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows(
    db.pool,
    sql`SELECT r.id, ${runNumberSql("r")} AS number FROM pipeline_runs r WHERE r.id = ANY(${ids}::int[])`,
    z.object({ id: z.number(), number: z.number() }),
  );
  return new Map(rows.map((r) => [r.id, r.number]));
}

async function views(db: Database, rows: Row[]): Promise<RunView[]> {
  const numbers = await runNumbers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ createdBy, ...run }) => ({
    ...run,
    number: numbers.get(run.id) ?? 0,
    author: createdBy?.name ?? null,
    config: run.config as Record<string, unknown>,
    summary: run.summary as RunSummary | null,
  }));
}

export async function getRun(db: Database, runId: number): Promise<RunView> {
  const [run] = await views(db, await findRows(db, { id: runId }, 1));
  if (!run) throw new AppError("NOT_FOUND", `No run ${runId}.`);
  return run;
}

/** A dataset's runs, newest first; `beforeId` continues a page (keyset on id). */
export async function listRuns(db: Database, datasetId: number, limit = 50, beforeId?: number): Promise<RunView[]> {
  return views(db, await findRows(db, { datasetId, ...(beforeId === undefined ? {} : { id: { lt: beforeId } }) }, limit));
}

export async function findRun(db: Database, datasetId: number, runId: number): Promise<RunView | null> {
  const [run] = await views(db, await findRows(db, { id: runId, datasetId }, 1));
  return run ?? null;
}
