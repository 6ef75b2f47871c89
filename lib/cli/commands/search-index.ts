import { InvalidArgumentError, type Command } from "commander";
import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { DEFAULT_BATCH_SIZE, indexPendingResponses, pendingSearchCount } from "@/lib/search/index-pending";
import { printJson } from "../output";
import { progressBar } from "../progress";

type Opts = { dataset?: string; batchSize: number; json?: boolean };

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

export function registerSearchIndex(program: Command): void {
  program
    .command("search-index")
    .description("copy new responses into the pairs search index now (the worker keeps it up within seconds)")
    .option("--dataset <slug>", "only this dataset (default: every dataset)")
    .option("--batch-size <n>", "responses per transaction", positive, DEFAULT_BATCH_SIZE)
    .option("--json", "accepted for symmetry: the JSON summary is always printed on stdout")
    .action(async (opts: Opts) => {
      const db = await getDatabase();
      const dataset = opts.dataset ? await getDatasetBySlug(opts.dataset) : null;
      const datasetId = dataset?.id;
      const stop = new AbortController();
      const interrupt = () => stop.abort();
      process.once("SIGINT", interrupt);
      const bar = progressBar(`search index${dataset ? ` of ${dataset.slug}` : ""}`);
      bar.update(0, await pendingSearchCount(db, datasetId), "responses");
      const started = performance.now();
      const done = await indexPendingResponses(db, {
        datasetId,
        batchSize: opts.batchSize,
        signal: stop.signal,
        onProgress: (p) =>
          bar.update(
            p.scanned,
            p.scanned + p.remaining,
            `responses · ${Math.round(p.scanned / Math.max(0.001, (performance.now() - started) / 1000))}/s`,
          ),
      }).finally(() => {
        bar.stop();
        process.off("SIGINT", interrupt);
      });
      printJson({
        dataset: dataset?.slug ?? null,
        indexed: done.indexed,
        batches: done.batches,
        seconds: Math.round(done.seconds * 100) / 100,
        perSecond: done.seconds > 0 ? Math.round(done.indexed / done.seconds) : 0,
        remaining: done.remaining,
        stopped: done.aborted,
      });
    });
}
