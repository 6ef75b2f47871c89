import { InvalidArgumentError, type Command } from "commander";
import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { enqueueRun } from "@/lib/jobs/queue";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { getRun } from "@/lib/runs/queries";
import { count, printJson, say } from "../output";
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

function number(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError("expected a number");
  return n;
}

function share(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError("expected a share from 0 to 1");
  return n;
}

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
      if (opts.enqueue) {
        await enqueueRun(db, runId);
        say(`Queued select run ${runId} over ${count(groups, "group")}; a worker (npm run worker) executes it.`);
        if (opts.json) printJson({ runId, groups, status: "queued" });
        return;
      }
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
