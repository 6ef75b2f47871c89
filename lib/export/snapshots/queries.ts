import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const ZManifestFiles = z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number(), rows: z.number() }));
const ZCounts = z.record(z.string(), z.object({ train: z.number(), test: z.number() }));

type ExportRow = {
  id: number;
  datasetId: number;
  format: string;
  status: string;
  config: unknown;
  counts: unknown;
  files: unknown;
  runIds: number[];
  lastDecisionId: number | null;
  location: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  rowsTotal: number;
  rowsDone: number;
  cancelRequested: boolean;
};

/** An export as the app uses it: the row with its JSON columns decoded. */
export type StoredExport = Omit<ExportRow, "config" | "counts" | "files"> & {
  config: Record<string, unknown>;
  counts: z.infer<typeof ZCounts>;
  files: z.infer<typeof ZManifestFiles>;
};

function toStoredExport(row: ExportRow): StoredExport {
  return {
    id: row.id,
    datasetId: row.datasetId,
    format: row.format,
    status: row.status,
    runIds: row.runIds,
    lastDecisionId: row.lastDecisionId,
    location: row.location,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    rowsTotal: row.rowsTotal,
    rowsDone: row.rowsDone,
    cancelRequested: row.cancelRequested,
    config: (row.config ?? {}) as Record<string, unknown>,
    counts: row.counts === null ? {} : ZCounts.parse(row.counts),
    files: row.files === null ? [] : ZManifestFiles.parse(row.files),
  };
}

/** A dataset's exports, newest first; `beforeId` continues a page (keyset on id). */
export async function listExports(db: Database, datasetId: number, limit = 50, beforeId?: number): Promise<StoredExport[]> {
  const rows = await db.prisma.export.findMany({
    where: { datasetId, ...(beforeId === undefined ? {} : { id: { lt: beforeId } }) },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map(toStoredExport);
}

export async function getExport(db: Database, exportId: number): Promise<StoredExport> {
  const row = await db.prisma.export.findUnique({ where: { id: exportId } });
  if (!row) throw new AppError("NOT_FOUND", `No export ${exportId}.`);
  return toStoredExport(row);
}

/** Pairs per split summed over languages. */
export function splitTotals(counts: StoredExport["counts"]): { train: number; test: number } {
  return Object.values(counts).reduce((t, c) => ({ train: t.train + c.train, test: t.test + c.test }), { train: 0, test: 0 });
}

export type ExportProgressView = {
  id: number;
  status: string;
  rowsDone: number;
  rowsTotal: number;
  cancelRequested: boolean;
  error: string | null;
};

/** What the exports page polls while an export is queued or running. */
export async function getExportProgress(db: Database, exportId: number): Promise<ExportProgressView> {
  const row = await db.prisma.export.findUnique({
    where: { id: exportId },
    select: { id: true, status: true, rowsDone: true, rowsTotal: true, cancelRequested: true, error: true },
  });
  if (!row) throw new AppError("NOT_FOUND", `No export ${exportId}.`);
  return row;
}
