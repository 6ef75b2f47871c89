import { JobProgress } from "@/components/job-progress";
import { jobProgressOf, runUnit } from "@/lib/jobs/job-status";
import { CancelRunButton } from "./cancel-run-button";

type Run = Parameters<typeof jobProgressOf>[0] & { id: number; kind: string };

/** A run's live progress, with its Cancel button while it is queued or running and the viewer may manage. */
export function RunProgress({ run, canCancel }: { run: Run; canCancel: boolean }) {
  return (
    <>
      <JobProgress
        kind={run.kind}
        id={run.id}
        testIds={{ root: `run-progress-${run.id}`, status: `run-status-${run.id}` }}
        unit={runUnit(run.kind)}
        initial={jobProgressOf(run)}
      />
      {canCancel && (run.status === "queued" || run.status === "running") && <CancelRunButton runId={run.id} />}
    </>
  );
}
