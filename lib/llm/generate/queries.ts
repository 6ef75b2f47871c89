import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ItemFailure } from "@/lib/llm/providers/run-loop";

export type ProviderRunView = {
  id: number;
  kind: "generate" | "embed";
  status: string;
  config: Record<string, unknown>;
  totalItems: number;
  doneItems: number;
  failedItems: number;
  promptTokens: number;
  completionTokens: number;
  cancelRequested: boolean;
  error: string | null;
  counters: Record<string, number>;
  failures: ItemFailure[];
  createdAt: Date;
};

type Row = Awaited<ReturnType<Database["prisma"]["pipelineRun"]["findFirstOrThrow"]>>;

function view(run: Row): ProviderRunView {
  const summary = (run.summary ?? {}) as { counters?: Record<string, number>; failures?: ItemFailure[] };
  return {
    id: run.id,
    kind: run.kind as "generate" | "embed",
    status: run.status,
    config: run.config as Record<string, unknown>,
    totalItems: run.totalItems,
    doneItems: run.doneItems,
    failedItems: run.failedItems,
    promptTokens: run.promptTokens,
    completionTokens: run.completionTokens,
    cancelRequested: run.cancelRequested,
    error: run.error,
    counters: summary.counters ?? {},
    failures: summary.failures ?? [],
    createdAt: run.createdAt,
  };
}

export async function getProviderRun(db: Database, runId: number): Promise<ProviderRunView> {
  const run = await db.prisma.pipelineRun.findFirst({ where: { id: runId, kind: { in: ["generate", "embed"] } } });
  if (!run) throw new AppError("NOT_FOUND", `No generate or embed run ${runId}.`);
  return view(run);
}

/** The dataset's latest generate and embed runs, newest first. */
export async function listProviderRuns(db: Database, datasetId: number, limit = 20): Promise<ProviderRunView[]> {
  const runs = await db.prisma.pipelineRun.findMany({
    where: { datasetId, kind: { in: ["generate", "embed"] } },
    orderBy: { id: "desc" },
    take: limit,
  });
  return runs.map(view);
}
