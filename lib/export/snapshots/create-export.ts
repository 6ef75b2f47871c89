import type { Database } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { queryMaybeOne, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { z } from "zod";
import { resolveExportConfig, type ExportConfig } from "./config";
import { executeExport, type ExportSnapshot, type RunExportOptions } from "./execute-export";
import { thisProcess } from "./worker-id";

export type { ExportSnapshot, RunExportOptions } from "./execute-export";

export type ExportRequestOptions = {
  datasetId: number;
  /** Validated here (see `ZExportRequest`). */
  request: unknown;
  createdById?: number | null;
};

export type CreateExportOptions = ExportRequestOptions & RunExportOptions;

function auditExportCreated(db: Database, options: ExportRequestOptions, exportId: number, config: ExportConfig) {
  return recordAuditEvent(db.pool, {
    datasetId: options.datasetId,
    userId: options.createdById ?? null,
    action: "export.create",
    entity: "export",
    entityId: exportId,
    data: { config },
  });
}

async function resolveRequest(db: Database, options: ExportRequestOptions): Promise<ExportConfig> {
  const dataset = await db.prisma.dataset.findUnique({ where: { id: options.datasetId } });
  if (!dataset) throw new AppError("NOT_FOUND", `No dataset with id ${options.datasetId}.`);
  return resolveExportConfig(dataset, options.request);
}

/** Validates a request and records it as a queued export (status `queued`) for a worker to run. */
export async function queueExport(db: Database, options: ExportRequestOptions): Promise<{ exportId: number; config: ExportConfig }> {
  const config = await resolveRequest(db, options);
  const row = await db.prisma.export.create({
    data: { datasetId: options.datasetId, format: config.format, status: "queued", config, createdById: options.createdById ?? null },
  });
  await auditExportCreated(db, options, row.id, config);
  return { exportId: row.id, config };
}

/**
 * Records and runs an export in this process (the CLI, benchmarks): the row starts as `running`,
 * held by this process, so no worker picks it up meanwhile.
 */
export async function createExport(db: Database, options: CreateExportOptions): Promise<ExportSnapshot> {
  const config = await resolveRequest(db, options);
  const claimedBy = thisProcess();
  const row = await db.prisma.export.create({
    data: {
      datasetId: options.datasetId,
      format: config.format,
      status: "running",
      config,
      createdById: options.createdById ?? null,
      claimedBy,
      startedAt: new Date(),
      heartbeatAt: new Date(),
    },
  });
  await auditExportCreated(db, options, row.id, config);
  return executeExport(db, { exportId: row.id, datasetId: options.datasetId, config, claimedBy }, options);
}

/**
 * Runs a queued export if it is still queued and not cancelled: claims it for this process, then
 * writes it. Returns null when another process has it or it is no longer queued.
 */
export async function runQueuedExport(db: Database, exportId: number, options: RunExportOptions = {}): Promise<ExportSnapshot | null> {
  const claimedBy = thisProcess();
  const row = await queryMaybeOne(
    db.pool,
    sql`UPDATE exports SET status = 'running', claimed_by = ${claimedBy}, started_at = now(), heartbeat_at = now(), rows_done = 0
     WHERE id = ${exportId} AND status = 'queued' AND NOT cancel_requested RETURNING dataset_id, config`,
    // config was validated by resolveExportConfig when the export was created.
    z.object({ dataset_id: z.number(), config: z.custom<ExportConfig>() }),
  );
  if (!row) return null;
  return executeExport(db, { exportId, datasetId: row.dataset_id, config: row.config, claimedBy }, options);
}
