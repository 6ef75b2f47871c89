import type { Database } from "@/lib/db/client";
import { execute, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError, describeIssues } from "@/lib/errors";
import { Provider } from "@/lib/llm/providers/provider";
import { touchChunk, type Chunk } from "@/lib/jobs/chunks";
import { insertChunkedRun, runProviderChunks, type ItemFailure, type RunLoopOptions, type RunOutcome } from "@/lib/llm/providers/run-loop";
import { loadProviderSettings } from "@/lib/llm/providers/settings";
import { loadItems, type GenerateItem } from "./items";
import { Sampler } from "./sampler";
import { samplingParams, ZGenerateRunConfig, type TGenerateRunConfig, type TGenerateRunConfigInput } from "./schemas";
import { insertSamples } from "./store";
import { translateMissingPrompts } from "@/lib/llm/translate/translate-prompts";

function parseConfig(input: unknown): TGenerateRunConfig {
  const parsed = ZGenerateRunConfig.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_INPUT", `Invalid generate config: ${describeIssues(parsed.error, "config")}`);
  return parsed.data;
}

export async function createGenerateRun(
  db: Database,
  datasetId: number,
  input: TGenerateRunConfigInput,
  createdById: number | null = null,
) {
  const parsed = parseConfig(input);
  const model = parsed.model ?? (await loadProviderSettings(db)).generationModel;
  if (!model) throw new AppError("BAD_INPUT", "No generation model: pass one, or set it in Settings (or CM_GENERATION_MODEL).");
  const config = { ...parsed, model };
  const { runId, groups } = await insertChunkedRun(db, datasetId, "generate", config, config.chunkSize, createdById);
  if (groups === 0) {
    await execute(db.pool, sql`DELETE FROM pipeline_runs WHERE id = ${runId}`);
    throw new AppError("BAD_INPUT", "The dataset has no prompt groups to generate for; import prompts first.");
  }
  return { runId, groups, config };
}

type Work = {
  db: Database;
  runId: number;
  datasetId: number;
  model: string;
  config: TGenerateRunConfig;
  provider: Provider;
  sampler: Sampler;
  chunk: Chunk;
  workerId: string;
};

/** Tops one (group, language) up to K samples; each batch commits with its token usage, so a crash loses no stored sample. */
async function generateItem(w: Work, item: GenerateItem): Promise<string | null> {
  let need = w.config.samples - item.have;
  let key = item.have;
  const params = samplingParams(w.config);
  for (let round = 0; need > 0 && round < w.config.maxRounds; round++) {
    const batch = await w.sampler.sample(item.prompt, key, need);
    key += need;
    need -= await withTransaction(w.db, async (tx) => {
      const stored = await insertSamples(tx, w.datasetId, w.runId, item, w.model, params, batch.samples);
      await execute(
        tx,
        sql`UPDATE pipeline_runs SET prompt_tokens = prompt_tokens + ${batch.promptTokens}, completion_tokens = completion_tokens + ${batch.completionTokens}, heartbeat_at = now() WHERE id = ${w.runId}`,
      );
      await touchChunk(tx, w.chunk, w.workerId);
      return stored;
    });
    if (batch.error) return `${need} of ${w.config.samples} samples missing: ${batch.error}`;
  }
  return need > 0
    ? `${need} of ${w.config.samples} samples missing: the model repeated stored texts for ${w.config.maxRounds} rounds`
    : null;
}

async function translateChunk(w: Work) {
  const languages = w.config.languages ?? (await w.db.prisma.dataset.findUniqueOrThrow({ where: { id: w.datasetId } })).languages;
  const result = await translateMissingPrompts(w.db, w.datasetId, {
    model: w.model,
    languages,
    provider: w.provider,
    groupRange: [w.chunk.fromGroupId, w.chunk.toGroupId],
  });
  await execute(
    w.db.pool,
    sql`UPDATE pipeline_runs SET prompt_tokens = prompt_tokens + ${result.promptTokens}, completion_tokens = completion_tokens + ${result.completionTokens} WHERE id = ${w.runId}`,
  );
  return { created: result.created, failures: result.failures.map((f) => ({ ...f, error: `translation: ${f.error}` })) };
}

/** Samples what is missing for every (group, language) of the run; safe to run again after a crash. */
export async function executeGenerateRun(db: Database, runId: number, opts: RunLoopOptions = {}): Promise<RunOutcome> {
  const row = await db.prisma.pipelineRun.findUnique({ where: { id: runId }, select: { config: true } });
  if (!row) throw new AppError("NOT_FOUND", `No run ${runId}.`);
  const config = parseConfig(row.config);
  const model = config.model!;
  let provider: Provider | null = null;
  let sampler: Sampler | null = null;
  return runProviderChunks(
    db,
    runId,
    async (chunk, ctx) => {
      provider ??= new Provider(await loadProviderSettings(db), {
        concurrency: config.concurrency,
        rpm: config.rpm,
        timeoutMs: config.timeoutMs,
        retry: { retries: config.retries, baseDelayMs: config.retryBaseDelayMs },
      });
      sampler ??= new Sampler(provider, model, config);
      const w: Work = { db, runId, datasetId: ctx.run.datasetId, model, config, provider, sampler, chunk, workerId: ctx.workerId };
      const translated = config.translateMissing ? await translateChunk(w) : null;
      const items = await loadItems(db.pool, { datasetId: w.datasetId, model, languages: config.languages }, chunk);
      const failures: ItemFailure[] = [...(translated?.failures ?? [])];
      let requested = 0;
      await Promise.all(
        items.map(async (item) => {
          if (item.have < config.samples) requested++;
          const error = await generateItem(w, item);
          if (error) failures.push({ groupId: item.groupId, language: item.language, error });
        }),
      );
      failures.sort((a, b) => a.groupId - b.groupId || a.language.localeCompare(b.language));
      return {
        failures,
        counters: { items: items.length, itemsTopped: requested, ...(translated ? { promptsTranslated: translated.created } : {}) },
      };
    },
    opts,
  );
}
