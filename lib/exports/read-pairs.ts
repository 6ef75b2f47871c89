import type { PoolClient, QueryResult } from "pg";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExportPair } from "@/lib/export";
import type { ExportFilters } from "./config";
import { exportPairsQuery, type ExportPairRow, type SqlQuery } from "./pairs-query";

export const READ_BATCH_ROWS = 2_000;

/**
 * One database row as the serializers want it. Scores a pair lacks (a human chose a response the
 * run never scored) are written as 0; a missing prompt text fails the export, since silently using
 * another language's prompt would corrupt the training data.
 */
export function toExportPair(row: ExportPairRow): ExportPair {
  if (row.prompt === null) {
    throw new AppError("BAD_INPUT", `prompt group ${row.external_id} has no ${row.language} prompt text; import it or leave ${row.language} out of the export`);
  }
  const scoreChosen = row.score_chosen ?? 0;
  const scoreRejected = row.score_rejected ?? 0;
  return {
    id: String(row.id),
    promptId: row.external_id,
    groupKey: String(row.group_id),
    lang: row.language,
    prompt: row.prompt,
    chosen: row.chosen,
    rejected: row.rejected,
    enReference: row.en_reference ?? "",
    scoreChosen,
    scoreRejected,
    margin: row.margin ?? scoreChosen - scoreRejected,
    origin: row.origin,
    status: row.status,
    runId: row.run_id === null ? null : String(row.run_id),
    scorer: row.scorer ?? "",
  };
}

/**
 * Runs `query` as a server-side cursor and yields its rows `batchRows` at a time (see `fetchBatches`).
 * Must run inside a transaction on `client` (see `withReadSnapshot`).
 */
export async function* cursorBatches<R extends object>(client: PoolClient, query: SqlQuery, batchRows = READ_BATCH_ROWS): AsyncGenerator<R[]> {
  const cursor = `export_cursor_${++cursorCount}`;
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${query.text}`, query.values);
  try {
    yield* fetchBatches<R>(client, cursor, batchRows);
  } finally {
    await client.query(`CLOSE ${cursor}`).catch(() => undefined);
  }
}

/**
 * Yields the rows of a declared cursor `batchRows` at a time. The next batch is requested before
 * the current one is handed out, so Postgres reads it while the caller works.
 */
export async function* fetchBatches<R extends object>(client: PoolClient, cursor: string, batchRows = READ_BATCH_ROWS): AsyncGenerator<R[]> {
  const fetchNext = (): Promise<QueryResult<R>> => {
    const next = client.query<R>(`FETCH ${batchRows} FROM ${cursor}`);
    next.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
    return next;
  };
  let pending: Promise<QueryResult<R>> | null = fetchNext();
  try {
    while (pending) {
      const { rows }: QueryResult<R> = await pending;
      pending = rows.length < batchRows ? null : fetchNext();
      if (rows.length > 0) yield rows;
    }
  } finally {
    await pending?.catch(() => undefined);
  }
}

let cursorCount = 0;

/** Streams the export's pairs with flat memory, in (group, language) order. */
export async function* streamExportPairs(
  client: PoolClient,
  datasetId: number,
  filters: ExportFilters,
  batchRows = READ_BATCH_ROWS,
): AsyncGenerator<ExportPair> {
  for await (const rows of cursorBatches<ExportPairRow>(client, exportPairsQuery(datasetId, filters), batchRows)) {
    for (const row of rows) yield toExportPair(row);
  }
}

/** The first `limit` pairs of an export, for the preview. */
export async function previewExportPairs(db: Database, datasetId: number, filters: ExportFilters, limit: number): Promise<ExportPair[]> {
  const query = exportPairsQuery(datasetId, filters);
  const { rows } = await db.pool.query<ExportPairRow>(`${query.text} LIMIT ${Math.max(0, Math.floor(limit))}`, query.values);
  return rows.map(toExportPair);
}
