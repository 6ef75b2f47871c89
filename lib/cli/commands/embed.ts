import type { Command } from "commander";
import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { createEmbedRun, executeEmbedRun } from "@/lib/llm/embed/embed-run";
import { getProviderRun } from "@/lib/llm/generate/queries";
import { printJson, say } from "../output";
import { integer, list } from "../option-values";
import { queueRun } from "../queue-run";
import { progressBar } from "../progress";

type Opts = {
  dataset: string;
  model?: string;
  langs?: string[];
  batchSize: number;
  batchTokens: number;
  concurrency: number;
  rpm: number;
  enqueue?: boolean;
  json?: boolean;
};

export function registerEmbed(program: Command): void {
  program
    .command("embed")
    .description("store a vector for every response text that lacks one (cached by model and content hash)")
    .requiredOption("--dataset <slug>", "dataset slug")
    .option("--model <name>", "embedding model (default: Settings or CM_EMBEDDING_MODEL, else the offline embedder)")
    .option("--langs <list>", "only these languages", list)
    .option("--batch-size <n>", "texts per request", integer, 64)
    .option("--batch-tokens <n>", "estimated tokens per request", integer, 8192)
    .option("--concurrency <n>", "requests in flight", integer, 4)
    .option("--rpm <n>", "requests per minute budget (0 = none)", integer, 0)
    .option("--enqueue", "queue the run for a worker instead of executing it here")
    .option("--json", "print a JSON summary on stdout")
    .action(async (opts: Opts) => {
      const db = await getDatabase();
      const dataset = await getDatasetBySlug(opts.dataset);
      const { runId, groups, config } = await createEmbedRun(db, dataset.id, {
        model: opts.model ?? null,
        languages: opts.langs ?? null,
        batchSize: opts.batchSize,
        maxBatchTokens: opts.batchTokens,
        concurrency: opts.concurrency,
        rpm: opts.rpm,
      });
      if (opts.enqueue)
        return queueRun(db, { id: runId, label: `embed run ${runId} (${config.model})`, groups }, opts.json, { model: config.model });
      const bar = progressBar(`embed run ${runId} (${config.model})`);
      const outcome = await executeEmbedRun(db, runId, { onProgress: (p) => bar.update(p.done, p.total, "groups") });
      bar.stop();
      const run = await getProviderRun(db, runId);
      const embedded = run.counters.embedded ?? 0;
      if (opts.json)
        printJson({
          runId,
          model: config.model,
          status: run.status,
          embedded,
          failedItems: run.failedItems,
          promptTokens: run.promptTokens,
          failures: run.failures,
          error: run.error,
        });
      else
        say(
          `Run ${runId} ${run.status}: ${embedded} texts embedded with ${config.model}, ${run.failedItems} failed batches${run.error ? `: ${run.error}` : ""}.`,
        );
      if (outcome === "failed" || run.failedItems > 0) process.exitCode = 1;
    });
}
