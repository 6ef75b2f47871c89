import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { RunSummary } from "./summary";

export type RunView = {
  id: number;
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
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export async function getRun(db: Database, runId: number): Promise<RunView> {
  const run = await db.prisma.pipelineRun.findUnique({ where: { id: runId } });
  if (!run) throw new AppError("NOT_FOUND", `No run ${runId}.`);
  return { ...run, config: run.config as Record<string, unknown>, summary: run.summary as RunSummary | null };
}

/** A dataset's runs, newest first; `beforeId` continues a page (keyset on id). */
export async function listRuns(db: Database, datasetId: number, limit = 50, beforeId?: number): Promise<RunView[]> {
  const runs = await db.prisma.pipelineRun.findMany({
    where: { datasetId, ...(beforeId === undefined ? {} : { id: { lt: beforeId } }) },
    orderBy: { id: "desc" },
    take: limit,
  });
  return runs.map((run) => ({ ...run, config: run.config as Record<string, unknown>, summary: run.summary as RunSummary | null }));
}

export async function findRun(db: Database, datasetId: number, runId: number): Promise<RunView | null> {
  const run = await db.prisma.pipelineRun.findFirst({ where: { id: runId, datasetId } });
  return run ? { ...run, config: run.config as Record<string, unknown>, summary: run.summary as RunSummary | null } : null;
}
