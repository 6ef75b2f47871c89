import type { Command } from "commander";
import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { createGenerateRun, executeGenerateRun } from "@/lib/llm/generate/generate-run";
import { getProviderRun } from "@/lib/llm/generate/queries";
import { count, printJson, say } from "../output";
import { integer, list, number } from "../option-values";
import { queueRun } from "../queue-run";
import { progressBar } from "../progress";

type Opts = {
  dataset: string;
  model?: string;
  samples: number;
  langs?: string[];
  temperature: number;
  topP: number;
  maxTokens: number;
  seed: number;
  systemPrompt?: string;
  concurrency: number;
  rpm: number;
  n: boolean;
  translate?: boolean;
  enqueue?: boolean;
  json?: boolean;
};

export function registerGenerate(program: Command): void {
  program
    .command("generate")
    .description("sample K responses per prompt group and language from an OpenAI-compatible endpoint (only what is missing)")
    .requiredOption("--dataset <slug>", "dataset slug")
    .option("--model <name>", "generation model (default: Settings or CM_GENERATION_MODEL)")
    .requiredOption("--samples <K>", "responses per group and language", integer)
    .option("--langs <list>", "only these languages, e.g. de,zh", list)
    .option("--temperature <x>", "sampling temperature", number, 0.9)
    .option("--top-p <x>", "nucleus sampling", number, 0.95)
    .option("--max-tokens <n>", "longest response", integer, 1024)
    .option("--seed <n>", "sample k uses seed + k", integer, 0)
    .option("--system-prompt <text>", "system message for every request")
    .option("--concurrency <n>", "requests in flight", integer, 8)
    .option("--rpm <n>", "requests per minute budget (0 = none)", integer, 0)
    .option("--no-n", "one request per sample instead of `n` samples per request")
    .option("--translate", "first machine-translate missing prompts from the pivot language")
    .option("--enqueue", "queue the run for a worker instead of executing it here")
    .option("--json", "print a JSON summary on stdout")
    .action(async (opts: Opts) => {
      const db = await getDatabase();
      const dataset = await getDatasetBySlug(opts.dataset);
      const { runId, groups } = await createGenerateRun(db, dataset.id, {
        model: opts.model ?? null,
        samples: opts.samples,
        languages: opts.langs ?? null,
        temperature: opts.temperature,
        topP: opts.topP,
        maxTokens: opts.maxTokens,
        seed: opts.seed,
        systemPrompt: opts.systemPrompt ?? null,
        concurrency: opts.concurrency,
        rpm: opts.rpm,
        useN: opts.n ? "auto" : "never",
        translateMissing: opts.translate ?? false,
      });
      if (opts.enqueue) return queueRun(db, { id: runId, label: `generate run ${runId}`, groups }, opts.json);
      const bar = progressBar(`generate run ${runId}`);
      const outcome = await executeGenerateRun(db, runId, {
        onProgress: (p) => bar.update(p.done, p.total, p.failed ? `groups, ${p.failed} failed items` : "groups"),
      });
      bar.stop();
      const run = await getProviderRun(db, runId);
      const { status, doneItems, totalItems, failedItems, promptTokens, completionTokens, failures, error } = run;
      if (opts.json)
        printJson({ runId, status, done: doneItems, total: totalItems, failedItems, promptTokens, completionTokens, failures, error });
      else
        say(
          `Run ${runId} ${status}: ${doneItems}/${totalItems} groups, ${count(failedItems, "failed item")}, ${promptTokens} prompt + ${completionTokens} completion tokens${error ? `: ${error}` : ""}.`,
        );
      for (const f of failures.slice(0, 10)) say(`  failed: group ${f.groupId} ${f.language}: ${f.error}`);
      if (outcome === "failed" || run.failedItems > 0) process.exitCode = 1;
    });
}
