import type { Command } from "commander";
import { getDatabase } from "@/lib/db/client";
import { datasetStats, type DatasetStats } from "@/lib/datasets/queries";
import { pairCountsByLanguage, type PairStatusCounts } from "@/lib/pairs/queries";
import { listRuns, type RunView } from "@/lib/runs/queries";
import { count, printJson, say } from "../output";
import { remoteConfig } from "../remote-client";
import { remoteStats } from "../remote-commands";

type StatsRun = Pick<RunView, "id" | "kind" | "status" | "config" | "summary">;
type LanguageSummary = NonNullable<StatsRun["summary"]>["languages"][string];

/**
 * One language's selection quality: chosen-correct and rejected-wrong shares of the `judged` pairs (groups
 * with gold), the share of pairs with an on-target chosen response, and the bounds measured on the same
 * data (oracle, random on-target pick, over `goldGroups`). Null when the run's summary has no such figure.
 */
function languageQuality(l: LanguageSummary) {
  return {
    judged: l.quality?.judged ?? 0,
    chosenCorrect: l.quality?.chosenCorrect ?? null,
    rejectedWrong: l.quality?.rejectedWrong ?? null,
    chosenOnTarget: l.chosenOnTarget ?? null,
    goldGroups: l.bounds?.goldGroups ?? 0,
    oracle: l.bounds?.oracle ?? null,
    randomOnTarget: l.bounds?.randomOnTarget ?? null,
  };
}

/** The `stats` summary (local or remote): dataset counts, effective pairs, quality of each succeeded select run. */
export function statsSummary(stats: Omit<DatasetStats, "datasetId">, pairs: Record<string, PairStatusCounts>, runs: StatsRun[]) {
  const selectRuns = runs
    .filter((r) => r.kind === "select" && r.status === "succeeded")
    .map((r) => ({
      runId: r.id,
      reference: r.config.reference,
      pairs: r.config.pairs,
      scorer: r.config.scorer,
      quality: Object.fromEntries(Object.entries(r.summary?.languages ?? {}).map(([lang, l]) => [lang, languageQuality(l)])),
    }));
  return { ...stats, pairs, runs: selectRuns };
}

export function reportStats(out: ReturnType<typeof statsSummary>, json: boolean | undefined): void {
  if (json) return printJson(out);
  say(`${out.dataset}: ${count(out.groups, "group")}, ${count(out.responses, "response")}`);
  for (const [lang, n] of Object.entries(out.responsesByLanguage)) {
    const p = out.pairs[lang];
    say(
      `  ${lang.padEnd(8)} ${String(n).padStart(8)} responses${p ? `  pairs: ${p.proposed} proposed, ${p.accepted} accepted, ${p.rejected} rejected, ${p.skipped} skipped` : ""}`,
    );
  }
}

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("counts of a dataset: groups, languages, responses, effective pairs, selection quality per run")
    .requiredOption("--dataset <slug>", "dataset slug")
    .option("--json", "print a JSON summary on stdout")
    .action(async (opts: { dataset: string; json?: boolean }) => {
      const remote = remoteConfig();
      if (remote) {
        const r = await remoteStats(remote, opts.dataset);
        return reportStats(statsSummary(r.stats, r.pairs, r.runs), opts.json);
      }
      const db = await getDatabase();
      const stats = await datasetStats(opts.dataset);
      const [pairs, runs] = await Promise.all([pairCountsByLanguage(db, stats.datasetId), listRuns(db, stats.datasetId)]);
      const { datasetId: _id, ...rest } = stats;
      reportStats(statsSummary(rest, pairs, runs), opts.json);
    });
}
