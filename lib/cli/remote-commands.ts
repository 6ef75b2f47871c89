import { setTimeout as sleep } from "node:timers/promises";
import type { DatasetStats } from "@/lib/datasets/queries";
import { usesSingleFile, type ExportFormat, type ManifestFile } from "@/lib/export/formats";
import { checkOutPath } from "@/lib/export/snapshots/copy-out";
import type { PairStatusCounts } from "@/lib/pairs/queries";
import type { RunView } from "@/lib/runs/queries";
import type { TSelectRunConfigInput } from "@/lib/runs/schemas";
import type { ExportRequest } from "@/lib/export/snapshots/config";
import { AppError } from "@/lib/errors";
import { EXIT, printJson, say } from "./output";
import { progressBar } from "./progress";
import { remoteJson, type RemoteConfig } from "./remote-client";
import { downloadExportFiles } from "./remote-download";

const POLL_MS = 500;
const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

type Page<T> = { data: T[]; nextCursor: string | null };
type RemoteDataset = { slug: string; stats: Omit<DatasetStats, "datasetId">; pairs: Record<string, PairStatusCounts> };
type RemoteRun = Omit<RunView, "createdAt" | "startedAt" | "finishedAt"> & { createdAt: string };
export type RemoteExport = {
  id: number;
  format: ExportFormat;
  status: string;
  rowsDone: number;
  rowsTotal: number;
  config: { testSplit?: number | null } & Record<string, unknown>;
  counts: Record<string, { train: number; test: number }>;
  files: ManifestFile[];
  runIds: number[];
  lastDecisionId: number | null;
  error: string | null;
};

const slugPath = (slug: string) => `/datasets/${encodeURIComponent(slug)}`;

/** What `stats` needs, through GET /api/v1/datasets/{slug} and its latest runs. */
export async function remoteStats(config: RemoteConfig, slug: string) {
  const [dataset, runs] = await Promise.all([
    remoteJson<RemoteDataset>(config, slugPath(slug)),
    remoteJson<Page<RemoteRun>>(config, `${slugPath(slug)}/runs?limit=50`),
  ]);
  return { stats: dataset.stats, pairs: dataset.pairs, runs: runs.data };
}

/**
 * `select` through POST /api/v1/datasets/{slug}/runs: the server's workers execute the run; without
 * `--enqueue` we follow its progress and print the same summary as a local run.
 */
export async function selectOnServer(
  config: RemoteConfig,
  slug: string,
  run: TSelectRunConfigInput,
  opts: { enqueue?: boolean; json?: boolean },
): Promise<void> {
  const created = await remoteJson<RemoteRun>(config, `${slugPath(slug)}/runs`, { method: "POST", body: run });
  if (opts.enqueue) {
    say(`Queued select run ${created.id} over ${created.totalItems} groups on ${config.serverUrl}.`);
    if (opts.json) printJson({ runId: created.id, groups: created.totalItems, status: created.status });
    return;
  }
  const bar = progressBar(`select run ${created.id}`);
  let current = created;
  try {
    while (!FINISHED.has(current.status)) {
      bar.update(current.doneItems, current.totalItems, "groups");
      await sleep(POLL_MS);
      current = await remoteJson<RemoteRun>(config, `/runs/${created.id}`);
    }
    bar.update(current.doneItems, current.totalItems, "groups");
  } finally {
    bar.stop();
  }
  if (opts.json) printJson({ runId: current.id, status: current.status, ...(current.summary ?? {}), error: current.error });
  else say(`Run ${current.id} ${current.status}${current.error ? `: ${current.error}` : ""}.`);
  if (current.status !== "succeeded") process.exitCode = EXIT.badInput;
}

/**
 * `export` through POST /api/v1/datasets/{slug}/exports: waits until the server has written the
 * snapshot, then downloads its files to `--out`, each checked against the manifest's sha256.
 */
export async function exportOnServer(
  config: RemoteConfig,
  slug: string,
  request: ExportRequest & { format: ExportFormat },
  opts: { out: string; json?: boolean },
): Promise<void> {
  const hasSplit = request.testSplit !== null && request.testSplit !== undefined;
  await checkOutPath(request.format, opts.out, hasSplit);
  let exp = await remoteJson<RemoteExport>(config, `${slugPath(slug)}/exports`, { method: "POST", body: request });
  const bar = progressBar(`export ${exp.id} (${exp.format}) on the server`);
  try {
    while (!FINISHED.has(exp.status)) {
      bar.update(exp.rowsDone, exp.rowsTotal, "pairs");
      await sleep(POLL_MS);
      exp = await remoteJson<RemoteExport>(config, `/exports/${exp.id}`);
    }
  } finally {
    bar.stop();
  }
  if (exp.status !== "succeeded")
    throw new AppError("BAD_INPUT", `export ${exp.id} ${exp.status} on the server: ${exp.error ?? "no error recorded"}`);
  const layout = usesSingleFile(exp.format, exp.config.testSplit !== null && exp.config.testSplit !== undefined) ? "file" : "directory";
  const written = await downloadExportFiles(config, exp, layout, opts.out);
  const pairs = Object.values(exp.counts).reduce((n, c) => n + c.train + c.test, 0);
  if (opts.json) {
    return printJson({
      exportId: exp.id,
      dataset: slug,
      format: exp.format,
      out: opts.out,
      layout,
      pairs,
      counts: exp.counts,
      files: exp.files,
      runIds: exp.runIds,
      lastDecisionId: exp.lastDecisionId,
      server: config.serverUrl,
    });
  }
  say(`Export ${exp.id}: ${pairs} pairs as ${exp.format} → ${written.join(", ")}`);
  for (const f of exp.files) say(`  ${f.sha256}  ${f.path} (${f.rows} records, ${f.bytes} bytes)`);
}
