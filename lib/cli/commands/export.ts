import { InvalidArgumentError, Option, type Command } from "commander";
import { getDatabase } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/formats";
import { copyExportTo, checkOutPath } from "@/lib/export/snapshots/copy-out";
import { createExport } from "@/lib/export/snapshots/create-export";
import { printJson, say } from "../output";
import { integer, list, number, share } from "../option-values";
import { progressBar } from "../progress";
import { CONSENSUS_VALUES } from "@/lib/pairs/constants";
import type { Consensus } from "@/lib/pipeline/consensus";
import { remoteConfig } from "../remote-client";
import { exportOnServer } from "../remote-commands";

type Opts = {
  dataset: string;
  format: ExportFormat;
  out: string;
  langs?: string[];
  status: "effective" | "accepted";
  minMargin?: number;
  testSplit?: number;
  seed: number;
  system?: string;
  excludeFlagged?: boolean;
  englishPairs?: boolean;
  consensus?: Consensus[];
  json?: boolean;
};

function languageList(value: string): string[] {
  const langs = list(value);
  if (langs.length === 0) throw new InvalidArgumentError("expected comma-separated language codes, e.g. de,zh");
  return langs;
}

function consensusList(value: string): Consensus[] {
  const values = list(value);
  const unknown = values.filter((c) => !(CONSENSUS_VALUES as readonly string[]).includes(c));
  if (values.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(
      `expected comma-separated consensus values from ${CONSENSUS_VALUES.join(", ")}${unknown.length ? ` (not: ${unknown.join(", ")})` : ""}`,
    );
  }
  return values as Consensus[];
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write a trainer-ready file or directory of the effective pairs and record it as an export snapshot")
    .requiredOption("--dataset <slug>", "dataset slug")
    .addOption(new Option("--format <fmt>", "output format").choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption("--out <path>", "a .jsonl file for trl, trl-chat, cm-align without a split; otherwise a directory")
    .option("--langs <list>", "languages to export, e.g. de,zh (default: all but the pivot)", languageList)
    .addOption(
      new Option("--status <status>", "effective: proposed and accepted pairs; accepted: human-accepted only")
        .choices(["effective", "accepted"])
        .default("effective"),
    )
    .option("--min-margin <x>", "leave out pairs whose margin is below x", number)
    .option("--test-split <x>", "share of prompt groups in the test split (by group, never by pair)", share)
    .option("--seed <n>", "seed of the train/test split", integer, 0)
    .option("--system <text>", "system prompt for formats that carry one")
    .option("--exclude-flagged", "leave out flagged pairs and pairs in conflict with a newer run")
    .option("--english-pairs", "include the pairs in the pivot language")
    .option(
      "--consensus <list>",
      `only pairs whose team-review consensus is one of these, e.g. unanimous,adjudicated (${CONSENSUS_VALUES.join(", ")})`,
      consensusList,
    )
    .option("--json", "print a JSON summary on stdout")
    .action(async (opts: Opts) => {
      const request = {
        format: opts.format,
        languages: opts.langs,
        status: opts.status,
        minMargin: opts.minMargin ?? null,
        testSplit: opts.testSplit ?? null,
        seed: opts.seed,
        system: opts.system ?? null,
        excludeFlagged: opts.excludeFlagged ?? false,
        englishPairs: opts.englishPairs ?? false,
        // Only when asked for: a server from before team review refuses the unknown field.
        ...(opts.consensus ? { consensus: opts.consensus } : {}),
      };
      const remote = remoteConfig();
      if (remote) return exportOnServer(remote, opts.dataset, request, opts);
      const db = await getDatabase();
      const dataset = await getDatasetBySlug(opts.dataset);
      await checkOutPath(opts.format, opts.out, opts.testSplit !== undefined);
      const bar = progressBar(`export ${opts.format}`);
      const snapshot = await createExport(db, {
        datasetId: dataset.id,
        request,
        onProgress: (done, total) => bar.update(done, total, "pairs"),
      }).finally(() => bar.stop());
      const written = await copyExportTo(snapshot, opts.out);
      const summary = {
        exportId: snapshot.exportId,
        dataset: dataset.slug,
        format: snapshot.format,
        out: opts.out,
        layout: snapshot.layout,
        pairs: snapshot.total,
        counts: snapshot.counts,
        files: snapshot.files,
        runIds: snapshot.runIds,
        lastDecisionId: snapshot.lastDecisionId,
        snapshot: snapshot.location,
      };
      if (opts.json) return printJson(summary);
      say(`Export ${snapshot.exportId}: ${snapshot.total} pairs as ${snapshot.format} → ${written.join(", ")}`);
      for (const f of snapshot.files) say(`  ${f.sha256}  ${f.path} (${f.rows} records, ${f.bytes} bytes)`);
    });
}
