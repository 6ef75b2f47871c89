import { exportJobHandler, exportResumePass } from "@/lib/export/snapshots/export-worker";
import { executeGenerateRun } from "@/lib/llm/generate/generate-run";
import { executeEmbedRun } from "@/lib/llm/embed/embed-run";
import { sweepAbandonedLoads } from "@/lib/import/loader/abandoned-loads";
import { failLapsedImports } from "@/lib/import/loader/import-status";
import type { JobHandlers, ResumePass } from "@/lib/jobs/registry";
import { executeBulkRun } from "@/lib/pairs/bulk-job";
import { executeSelectRun } from "@/lib/runs/execute-select-run";

// The roof: every job kind's executor, registered once. lib/jobs (the floor) imports none of them.

export const JOB_HANDLERS: JobHandlers = {
  select: (db, { runId }) => executeSelectRun(db, runId),
  generate: (db, { runId }) => executeGenerateRun(db, runId),
  embed: (db, { runId }) => executeEmbedRun(db, runId),
  bulk: async (db, { runId }) => (await executeBulkRun(db, runId)) ?? "not a bulk job",
  export: exportJobHandler(),
};

const importResumePass: ResumePass = async (db, lapseMs) => {
  const failed = await failLapsedImports(db, lapseMs);
  const swept = await sweepAbandonedLoads(db, lapseMs);
  return [
    ...(failed.length > 0 ? [`imports ${failed.join(", ")}: their server stopped; marked failed`] : []),
    ...(swept > 0 ? [`removed ${swept} hidden dataset(s) of embedded imports that stopped`] : []),
  ];
};

export const RESUME_PASSES: ResumePass[] = [exportResumePass(), importResumePass];
