import type { Command } from "commander";
import { datasetStats } from "@/lib/datasets/queries";
import { printJson, say } from "../output";

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("counts of a dataset: groups, languages, responses")
    .requiredOption("--dataset <slug>", "dataset slug")
    .option("--json", "print a JSON summary on stdout")
    .action(async (opts: { dataset: string; json?: boolean }) => {
      const stats = await datasetStats(opts.dataset);
      if (opts.json) return printJson(stats);
      say(`${stats.dataset}: ${stats.groups} groups, ${stats.responses} responses`);
      for (const [lang, n] of Object.entries(stats.responsesByLanguage)) say(`  ${lang.padEnd(8)} ${n}`);
    });
}
