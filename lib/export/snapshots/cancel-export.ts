import { getDatabase, type Database } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { queryMaybeOne, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { z } from "zod";

/**
 * Asks an export to stop: a queued one is cancelled at once; a running one stops at its next
 * progress write (within about a second) and removes its partial files. Finished exports are unchanged.
 */
export async function cancelExport(db: Database, exportId: number, userId: number | null = null): Promise<{ status: string }> {
  const row = await queryMaybeOne(
    db.pool,
    sql`UPDATE exports SET cancel_requested = (status IN ('queued', 'running')) OR cancel_requested,
            status = CASE WHEN status = 'queued' THEN 'cancelled'::"JobStatus" ELSE status END,
            finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
     WHERE id = ${exportId} RETURNING status::text, dataset_id`,
    z.object({ status: z.string(), dataset_id: z.number() }),
  );
  if (!row) throw new AppError("NOT_FOUND", `No export ${exportId}.`);
  const { status, dataset_id } = row;
  await recordAuditEvent(db.pool, {
    datasetId: dataset_id,
    userId,
    action: "export.cancel",
    entity: "export",
    entityId: exportId,
    data: { status },
  });
  return { status };
}

/** The exports page's cancel button. */
export async function cancelExportById(exportId: number, userId: number | null): Promise<{ status: string }> {
  return cancelExport(await getDatabase(), exportId, userId);
}
