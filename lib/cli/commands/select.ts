import type { Command } from "commander";
import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { getRun } from "@/lib/runs/queries";
import { printJson, say } from "../output";
import { number, share } from "../option-values";
import { queueRun } from "../queue-run";
import { progressBar } from "../progress";
import { remoteConfig } from "../remote-client";
import { selectOnServer } from "../remote-commands";

type Opts = {
  dataset: string;
  scorer: string;
  margin: number;
  languageGuard: boolean;
  reference: string;
  pairs: string;
  seed: number;
  englishPairs?: boolean;
  embeddingModel?: string;
  enqueue?: boolean;
  json?: boolean;
  minTargetShare: number;
  keepReasoning?: boolean;
};

export function registerSelect(program: Command): void {
  program
    .command("select")
    .description("run CM-Align selection: English references, cross-lingual scores, chosen/rejected pairs")
    .requiredOption("--dataset <slug>", "dataset slug")
    .option("--scorer <name>", "auto | embedding | answer | lexical", "auto")
    .option("--margin <x>", "skip pairs whose margin is below x", number, 0)
    .option("--no-language-guard", "allow off-target-language and mixed-language responses to be chosen")
    .option("--min-target-share <x>", "a response with a smaller share of its letters in its language is mixed (0-1)", share, 0.8)
    .option("--keep-reasoning", "score the whole text, <think> reasoning traces included")
    .option(
      "--reference <strategy>",
      "consistency | first | random | gold (upper bound: the most consistent sample with the gold answer)",
      "consistency",
    )
    .option("--pairs <strategy>", "consistency | random", "consistency")
    .option("--seed <n>", "seed for the random baselines", number, 0)
    .option("--english-pairs", "also pair the English reference with the least consistent English sample")
    .option("--embedding-model <name>", "stored vectors to use for the embedding scorer")
    .option("--enqueue", "queue the run for a worker instead of executing it here")
    .option("--json", "print a JSON summary on stdout")
    .action(async (opts: Opts) => {
      const config = {
        scorer: opts.scorer as "auto",
        margin: opts.margin,
        languageGuard: opts.languageGuard,
        reference: opts.reference as "consistency",
        pairs: opts.pairs as "consistency",
        seed: opts.seed,
        englishPairs: opts.englishPairs ?? false,
        embeddingModel: opts.embeddingModel ?? null,
        minTargetShare: opts.minTargetShare,
        keepReasoning: opts.keepReasoning ?? false,
      };
      const remote = remoteConfig();
      if (remote) return selectOnServer(remote, opts.dataset, config, opts);
      const db = await getDatabase();
      const dataset = await getDatasetBySlug(opts.dataset);
      const { runId, groups } = await createSelectRun(db, dataset.id, config);
      if (opts.enqueue) return queueRun(db, { id: runId, label: `select run ${runId}`, groups }, opts.json);
      const bar = progressBar(`select run ${runId}`);
      const outcome = await executeSelectRun(db, runId, { onProgress: (p) => bar.update(p.done, p.total, "groups") });
      bar.update(groups, groups, "groups");
      bar.stop();
      const run = await getRun(db, runId);
      if (opts.json) printJson({ runId, status: run.status, ...(run.summary ?? {}), error: run.error });
      else say(`Run ${runId} ${run.status}${run.error ? `: ${run.error}` : ""}.`);
      if (outcome === "failed") process.exitCode = 1;
    });
}
