import { z } from "zod";
import type { Database } from "@/lib/db/client";

// Every job kind declared once: its pg-boss queue, its payload and how it is sent. The handlers are
// bound by the worker entry (lib/worker), so this floor imports no executor.

export const ZRunJob = z.object({ runId: z.number().int().positive() });
export const ZExportJob = z.object({ exportId: z.number().int().positive() });

type SendOptions = { retryLimit: number; retryBackoff?: boolean; expireInHours?: number };
type KindSpec<P extends z.ZodType> = { queue: string; payload: P; singletonKey: (p: z.output<P>) => string; send: SendOptions };

const runKind = (queue: string): KindSpec<typeof ZRunJob> => ({
  queue,
  payload: ZRunJob,
  singletonKey: (p) => `run-${p.runId}`,
  send: { retryLimit: 5, retryBackoff: true },
});

export const JOB_KINDS = {
  select: runKind("select-run"),
  generate: runKind("generate-run"),
  embed: runKind("embed-run"),
  bulk: runKind("bulk-run"),
  // A large export may take long; the row, not the job, records progress, so a generous expiry is safe.
  export: {
    queue: "export",
    payload: ZExportJob,
    singletonKey: (p) => `export-${p.exportId}`,
    send: { retryLimit: 2, expireInHours: 12 },
  } as KindSpec<typeof ZExportJob>,
} as const;

export type JobKind = keyof typeof JOB_KINDS;
export type RunJobKind = "select" | "generate" | "embed" | "bulk";
export type JobPayload<K extends JobKind> = z.output<(typeof JOB_KINDS)[K]["payload"]>;

/** What a handler reports for the log, e.g. "succeeded". */
export type JobHandler<K extends JobKind> = (db: Database, payload: JobPayload<K>) => Promise<string>;
export type JobHandlers = { [K in JobKind]: JobHandler<K> };

/**
 * Work the worker takes over when its holder's heartbeat lapsed (a dead process on any machine),
 * and work never picked up; each returns what it resumed or failed, for the log.
 */
export type ResumePass = (db: Database, lapseMs: number) => Promise<string[]>;
