type Queryable = { query(text: string, values: unknown[]): Promise<unknown> };

export type AuditEventInput = {
  datasetId: number | null;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | number;
  data?: unknown;
};

/** Appends one audit event; pass a transaction's client to make it part of that transaction. */
export async function recordAuditEvent(q: Queryable, e: AuditEventInput): Promise<void> {
  await q.query(`INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data) VALUES ($1, $2, $3, $4, $5, $6)`, [
    e.datasetId,
    e.userId,
    e.action,
    e.entity,
    String(e.entityId),
    JSON.stringify(e.data ?? {}),
  ]);
}
