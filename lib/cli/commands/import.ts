import { statSync } from "node:fs";
import { InvalidArgumentError, type Command } from "commander";
import { getDatabase } from "@/lib/db/client";
import type { RejectsLimits } from "@/lib/import/formats";
import { importFile } from "@/lib/import/loader/import-file";
import { rejectsLimitsFromEnv } from "@/lib/import/loader/rejects-limits";
import { count, printJson, say, UsageError } from "../output";
import { progressBar } from "../progress";

type Opts = {
  dataset: string;
  create?: boolean;
  task?: string;
  format?: string;
  skipInvalid?: boolean;
  rejects?: string;
  maxRejects?: number;
  maxRejectsMb?: number;
  json?: boolean;
  workers: number;
  append?: boolean;
};

const TASKS = ["general", "math", "translation"] as const;
const FORMATS = ["nested", "flat", "csv"] as const;

function oneOf<T extends string>(values: readonly T[]) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${values.join(", ")}`);
    return value as T;
  };
}

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 16) throw new InvalidArgumentError("expected a whole number from 0 to 16");
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number");
  return n;
}

/** --max-rejects and --max-rejects-mb, else CM_REJECTS_MAX_LINES and CM_REJECTS_MAX_MB. */
function rejectsLimitsOf(opts: Opts): RejectsLimits {
  const fallback = rejectsLimitsFromEnv();
  return {
    lines: opts.maxRejects === undefined ? fallback.lines : Math.floor(opts.maxRejects),
    bytes: opts.maxRejectsMb === undefined ? fallback.bytes : Math.floor(opts.maxRejectsMb * 2 ** 20),
  };
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("import prompt groups and responses (nested/flat JSONL, JSON array, CSV, Parquet; optionally gzip)")
    .argument("<file>", "file to import")
    .requiredOption("--dataset <slug>", "dataset slug")
    .option("--create", "create the dataset if it does not exist")
    .option("--task <task>", "task of a created dataset: general | math | translation", oneOf(TASKS))
    .option("--format <format>", "nested | flat | csv (default: detected)", oneOf(FORMATS))
    .option("--skip-invalid", "import the valid records; write the invalid ones to --rejects")
    .option("--rejects <file>", "where --skip-invalid writes rejected records (default <file>.rejects.jsonl)")
    .option(
      "--append",
      "add the file's responses as new samples after the stored ones (else a sample is identified by its group, language, model and position, and a stored one is never replaced)",
    )
    .option("--max-rejects <n>", "fail when more records than this are invalid (default CM_REJECTS_MAX_LINES or 10000)", positive)
    .option("--max-rejects-mb <n>", "fail when the rejects file would pass this size (default CM_REJECTS_MAX_MB or 64)", positive)
    .option("--workers <n>", "threads that compute derived fields (language, answer); 0 = none", workerCount, 1)
    .option("--json", "print a JSON summary on stdout")
    .action(async (file: string, opts: Opts) => {
      if (opts.rejects && !opts.skipInvalid) throw new UsageError("--rejects needs --skip-invalid");
      if ((opts.maxRejects || opts.maxRejectsMb) && !opts.skipInvalid)
        throw new UsageError("--max-rejects and --max-rejects-mb need --skip-invalid");
      if (opts.create && !opts.task) throw new UsageError("--create needs --task general|math|translation");
      const size = statSync(file, { throwIfNoEntry: false })?.size;
      if (size === undefined) throw new UsageError(`no such file: ${file}`);
      const db = await getDatabase();
      const bar = progressBar(`import ${file}`);
      const started = Date.now();
      const summary = await importFile(db, {
        source: { path: file },
        datasetSlug: opts.dataset,
        create: opts.create ? { task: opts.task as (typeof TASKS)[number] } : undefined,
        format: opts.format as (typeof FORMATS)[number] | undefined,
        rejects: opts.skipInvalid ? (opts.rejects ?? `${file}.rejects.jsonl`) : undefined,
        rejectsLimits: rejectsLimitsOf(opts),
        workers: opts.workers,
        append: opts.append === true,
        onProgress: (p) => {
          const mb = p.bytesRead / 2 ** 20;
          const elapsed = Math.max(0.001, (Date.now() - started) / 1000);
          bar.update(
            p.bytesRead,
            p.totalBytes ?? size,
            `bytes · ${p.records} records · ${mb.toFixed(1)} MB · ${Math.round(p.records / elapsed)} records/s · ${(mb / elapsed).toFixed(1)} MB/s`,
          );
        },
      }).finally(() => bar.stop());
      if (opts.json) return printJson(summary);
      say(
        `Imported into ${summary.dataset}: ${count(summary.groupsAdded, "group")}, ${count(summary.responsesAdded, "response")} added ` +
          `(${summary.duplicateResponses} already stored: same sample, same text), ${summary.invalid} invalid${summary.rejectsFile ? ` → ${summary.rejectsFile}` : ""}.`,
      );
      if (summary.responsesAdded > 0) {
        say(
          `Search finds the new responses at once; a running worker indexes them for speed (or: npm run cli -- search-index --dataset ${summary.dataset}).`,
        );
      }
    });
}
