import type { Permission } from "@/lib/auth/roles";
import { datasetOfExport, datasetOfRun } from "@/lib/auth/resources";
import type { DatasetRef } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cancelExport } from "@/lib/export/snapshots/cancel-export";
import { cancelImport, getImportStatus } from "@/lib/import/loader/import-status";
import { readExportStatus, readRunStatus, type JobStatusView } from "@/lib/jobs/job-status";
import type { RunJobKind } from "@/lib/jobs/registry";
import { cancelRun } from "@/lib/jobs/run-row";

// What the one status/progress/cancel route needs per job kind: who may read and cancel (the same
// permissions as each kind's own routes and actions), how to read the status, how to cancel.

export type JobRouteKind = {
  read: Permission;
  cancel: Permission;
  /** The dataset the guard checks; undefined: the permission alone (imports, as on their own route). */
  dataset?: (id: number) => DatasetRef;
  status: (db: Database, id: number) => Promise<JobStatusView>;
  /** Requests the cancel; false when the job had already finished and cannot be cancelled. */
  requestCancel: (db: Database, id: number, userId: number | null) => Promise<boolean>;
};

function runKind(kind: RunJobKind, cancel: Permission): JobRouteKind {
  return {
    read: "read",
    cancel,
    dataset: (id) => () => datasetOfRun(id),
    status: (db, id) => readRunStatus(db.pool, id, kind),
    requestCancel: async (db, id, userId) => {
      await readRunStatus(db.pool, id, kind);
      await cancelRun(db, id, userId);
      return true;
    },
  };
}

async function importStatus(db: Database, id: number): Promise<JobStatusView> {
  const row = await getImportStatus(db, id);
  if (!row) throw new AppError("NOT_FOUND", "No such import.");
  return {
    kind: "import",
    id,
    status: row.status,
    done: row.bytesDone,
    total: row.bytesTotal,
    unit: "bytes",
    cancelRequested: row.status === "cancelled",
    error: row.error?.message ?? null,
    records: row.records,
  };
}

export const JOB_ROUTE_KINDS: Record<string, JobRouteKind> = {
  select: runKind("select", "manage"),
  generate: runKind("generate", "manage"),
  embed: runKind("embed", "manage"),
  bulk: runKind("bulk", "review"),
  export: {
    read: "read",
    cancel: "export",
    dataset: (id) => () => datasetOfExport(id),
    status: (db, id) => readExportStatus(db.pool, id),
    requestCancel: async (db, id, userId) => {
      await cancelExport(db, id, userId);
      return true;
    },
  },
  import: {
    read: "manage",
    cancel: "manage",
    status: importStatus,
    requestCancel: async (db, id) => {
      await importStatus(db, id);
      return cancelImport(db, id);
    },
  },
};
