import type { Database } from "@/lib/db/client";
import { execute, sql } from "@/lib/db/sql";
import { AppError, describeIssues } from "@/lib/errors";
import { describeProviderError } from "@/lib/llm/providers/retry";
import { insertChunkedRun, runProviderChunks, type ItemFailure, type RunLoopOptions, type RunOutcome } from "@/lib/llm/providers/run-loop";
import { planBatches } from "./batches";
import { defaultEmbeddingModel, embedderFor } from "./resolve";
import { ZEmbedRunConfig, type TEmbedRunConfig, type TEmbedRunConfigInput } from "./schemas";
import { storeVectors, textsMissingVectors } from "./store";

function parseConfig(input: unknown): TEmbedRunConfig {
  const parsed = ZEmbedRunConfig.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_INPUT", `Invalid embed config: ${describeIssues(parsed.error, "config")}`);
  return parsed.data;
}

/** A queued embed run over the whole dataset; the model is fixed in its config at creation. */
export async function createEmbedRun(db: Database, datasetId: number, input: TEmbedRunConfigInput, createdById: number | null = null) {
  const parsed = parseConfig(input);
  const config = { ...parsed, model: parsed.model ?? (await defaultEmbeddingModel(db)) };
  const { runId, groups } = await insertChunkedRun(db, datasetId, "embed", config, config.chunkSize, createdById);
  return { runId, groups, config };
}

/** Embeds every response text of the run's groups that has no vector for the model yet. */
export async function executeEmbedRun(db: Database, runId: number, opts: RunLoopOptions = {}): Promise<RunOutcome> {
  const row = await db.prisma.pipelineRun.findUnique({ where: { id: runId }, select: { config: true } });
  if (!row) throw new AppError("NOT_FOUND", `No run ${runId}.`);
  const config = parseConfig(row.config);
  const model = config.model ?? (await defaultEmbeddingModel(db));
  const { embedder, provider } = await embedderFor(db, model, {
    concurrency: config.concurrency,
    rpm: config.rpm,
    limits: { maxCount: config.batchSize, maxTokens: config.maxBatchTokens },
  });
  return runProviderChunks(
    db,
    runId,
    async (chunk, ctx) => {
      const items = await textsMissingVectors(db.pool, { datasetId: ctx.run.datasetId, model, languages: config.languages }, chunk);
      const before = provider?.usage.promptTokens ?? 0;
      const texts = items.map((i) => i.text);
      let embedded = 0;
      const failures: ItemFailure[] = [];
      // One batch per request, stored as soon as it arrives, so a failing batch loses only itself.
      await Promise.all(
        planBatches(texts, config.batchSize, config.maxBatchTokens).map(async ([start, end]) => {
          try {
            const vectors = await embedder.embed(texts.slice(start, end));
            embedded += await storeVectors(db.pool, ctx.run.datasetId, model, items.slice(start, end), vectors);
          } catch (e) {
            failures.push({
              groupId: chunk.fromGroupId,
              language: "*",
              error: `${end - start} texts of groups ${chunk.fromGroupId}–${chunk.toGroupId}: ${describeProviderError(e)}`,
            });
          }
        }),
      );
      const tokens = (provider?.usage.promptTokens ?? 0) - before;
      await execute(
        db.pool,
        sql`UPDATE pipeline_runs SET prompt_tokens = prompt_tokens + ${tokens}, heartbeat_at = now() WHERE id = ${runId}`,
      );
      return { failures, counters: { embedded, texts: texts.length } };
    },
    opts,
  );
}
