import { execute, type Queryable, sql } from "@/lib/db/sql";

export type AuditEventInput = {
  datasetId: number | null;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | number;
  data?: unknown;
};

/** Appends one audit event; pass a transaction's client to make it part of that transaction. */
export async function recordAuditEvent(db: Queryable, e: AuditEventInput): Promise<void> {
  await execute(
    db,
    sql`INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data)
        VALUES (${e.datasetId}, ${e.userId}, ${e.action}, ${e.entity}, ${String(e.entityId)}, ${JSON.stringify(e.data ?? {})})`,
  );
}
