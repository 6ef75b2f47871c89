import type { PoolClient } from "pg";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryOne, queryRows, sql } from "@/lib/db/sql";
import type { ExportPair } from "@/lib/export/formats";
import type { ExportConfig } from "./config";
import { exportPairsCountQuery, exportPairsQuery, exportRunIdsQuery, type ExportPairRow } from "./pairs-query";
import { fetchBatches, READ_BATCH_ROWS, toExportPair } from "./read-pairs";

export type SnapshotFacts = {
  total: number;
  runIds: number[];
  runConfigs: { id: number; kind: string; config: unknown }[];
  lastDecisionId: number | null;
};

/** Name of the cursor an export reads through; recovery closes a dead export's held cursor by it. */
export function exportCursorName(exportId: number): string {
  return `export_rows_${exportId}`;
}

/** True on PGlite, where every connection shares one session and an open transaction blocks the others. */
async function sharesOneSession(client: PoolClient): Promise<boolean> {
  const { v } = await queryOne(client, sql`SELECT version() AS v`, z.object({ v: z.string() }));
  return v.includes("PGlite");
}

/**
 * Reads an export's facts and pairs as of one moment: REPEATABLE READ, read-only, so the rows, their
 * count, the run ids and the last decision id agree whatever reviewers do meanwhile.
 *
 * On Postgres the transaction stays open while `consume` streams the cursor. On PGlite that would
 * stop every other connection (progress writes, cancel requests, page loads), so the cursor is
 * declared WITH HOLD and the transaction committed at once: Postgres keeps the cursor's rows as of
 * the snapshot, and later FETCHes run between other connections' statements.
 */
export async function readExportSnapshot<T>(
  db: Database,
  target: { exportId: number; datasetId: number; config: ExportConfig; batchRows?: number },
  consume: (facts: SnapshotFacts, rows: AsyncIterable<ExportPair[]>) => Promise<T>,
): Promise<T> {
  const { exportId, datasetId, config } = target;
  const client = await db.pool.connect();
  const cursor = exportCursorName(exportId);
  let inTransaction = false;
  let held = false;
  try {
    // Not withTransaction: on PGlite the transaction ends (WITH HOLD) while the cursor is still read
    // on this same connection, which must stay checked out until the cursor is closed.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    inTransaction = true;
    // Compiling the long streaming query costs more than it saves on a cursor read batch by batch.
    await client.query("SET LOCAL jit = off");
    const hold = await sharesOneSession(client);
    const decision = await queryOne(
      client,
      sql`SELECT max(id) AS id FROM pair_decisions WHERE dataset_id = ${datasetId}`,
      z.object({ id: z.number().nullable() }),
    );
    const count = exportPairsCountQuery(datasetId, config);
    const total = (await client.query<{ n: number }>(count.text, count.values)).rows[0]!.n;
    const runs = exportRunIdsQuery(datasetId, config);
    const runIds = (await client.query<{ run_id: number }>(runs.text, runs.values)).rows.map((r) => r.run_id);
    const runConfigs = await queryRows(
      client,
      sql`SELECT id, kind::text, config FROM pipeline_runs WHERE id = ANY(${runIds}::int[]) ORDER BY id`,
      z.object({ id: z.number(), kind: z.string(), config: z.unknown() }),
    );
    const query = exportPairsQuery(datasetId, config);
    await client.query(`DECLARE ${cursor} NO SCROLL CURSOR ${hold ? "WITH HOLD " : ""}FOR ${query.text}`, query.values);
    if (hold) {
      held = true;
      await client.query("COMMIT");
      inTransaction = false;
    }
    const facts: SnapshotFacts = { total, runIds, runConfigs, lastDecisionId: decision.id };
    const result = await consume(facts, pairBatches(client, cursor, target.batchRows ?? READ_BATCH_ROWS));
    if (inTransaction) {
      await client.query("COMMIT");
      inTransaction = false;
    }
    return result;
  } catch (error) {
    if (inTransaction) await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    if (held) await client.query(`CLOSE ${cursor}`).catch(() => undefined);
    client.release();
  }
}

async function* pairBatches(client: PoolClient, cursor: string, batchRows: number): AsyncGenerator<ExportPair[]> {
  for await (const rows of fetchBatches<ExportPairRow>(client, cursor, batchRows)) yield rows.map(toExportPair);
}
