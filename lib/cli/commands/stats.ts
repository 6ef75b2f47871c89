import type { Command } from "commander";
import { getDatabase } from "@/lib/db/client";
import { datasetStats } from "@/lib/datasets/queries";
import { pairCountsByLanguage } from "@/lib/pairs/queries";
import { listRuns } from "@/lib/runs/queries";
import { printJson, say } from "../output";

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("counts of a dataset: groups, languages, responses, effective pairs, selection quality per run")
    .requiredOption("--dataset <slug>", "dataset slug")
    .option("--json", "print a JSON summary on stdout")
    .action(async (opts: { dataset: string; json?: boolean }) => {
      const db = await getDatabase();
      const stats = await datasetStats(opts.dataset);
      const [pairs, runs] = await Promise.all([pairCountsByLanguage(db, stats.datasetId), listRuns(db, stats.datasetId)]);
      const selectRuns = runs
        .filter((r) => r.kind === "select" && r.status === "succeeded")
        .map((r) => ({
          runId: r.id,
          reference: r.config.reference,
          pairs: r.config.pairs,
          scorer: r.config.scorer,
          quality: Object.fromEntries(Object.entries(r.summary?.languages ?? {}).flatMap(([lang, l]) => (l.quality ? [[lang, l.quality]] : []))),
        }));
      const { datasetId: _id, ...rest } = stats;
      const out = { ...rest, pairs, runs: selectRuns };
      if (opts.json) return printJson(out);
      say(`${stats.dataset}: ${stats.groups} groups, ${stats.responses} responses`);
      for (const [lang, n] of Object.entries(stats.responsesByLanguage)) {
        const p = pairs[lang];
        say(`  ${lang.padEnd(8)} ${String(n).padStart(8)} responses${p ? `  pairs: ${p.proposed} proposed, ${p.accepted} accepted, ${p.rejected} rejected, ${p.skipped} skipped` : ""}`);
      }
    });
}
