import { setImmediate as nextTurn } from "node:timers/promises";
import type { PoolClient } from "pg";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExportPair } from "@/lib/export/formats";
import type { ExportFilters } from "./config";
import { exportPairsQuery, type ExportPairRow, type SqlQuery } from "./pairs-query";

export const READ_BATCH_ROWS = 2_000;
/** Batches read ahead of the consumer at most (memory: this many plus the one in use). */
export const READ_AHEAD_BATCHES = 3;

/**
 * One database row as the serializers want it. Scores a pair lacks (a human chose a response the
 * run never scored) are written as 0; a missing prompt text fails the export, since silently using
 * another language's prompt would corrupt the training data.
 */
export function toExportPair(row: ExportPairRow): ExportPair {
  if (row.prompt === null) {
    throw new AppError(
      "BAD_INPUT",
      `prompt group ${row.external_id} has no ${row.language} prompt text; import it or leave ${row.language} out of the export`,
    );
  }
  const scoreChosen = row.score_chosen ?? 0;
  const scoreRejected = row.score_rejected ?? 0;
  const pair: ExportPair = {
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
  if (row.consensus !== undefined)
    pair.review = { consensus: row.consensus, votes: row.votes ?? [], adjudication: row.adjudication ?? null };
  return pair;
}

/**
 * Runs `query` as a server-side cursor and yields its rows `batchRows` at a time (see `fetchBatches`).
 * Must run inside a transaction on `client` (see `withReadSnapshot`).
 */
export async function* cursorBatches<R extends object>(
  client: PoolClient,
  query: SqlQuery,
  batchRows = READ_BATCH_ROWS,
): AsyncGenerator<R[]> {
  const cursor = `export_cursor_${++cursorCount}`;
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${query.text}`, query.values);
  try {
    yield* fetchBatches<R>(client, cursor, batchRows);
  } finally {
    await client.query(`CLOSE ${cursor}`).catch(() => undefined);
  }
}

/**
 * Yields the rows of a declared cursor `batchRows` at a time. Fetching runs ahead of the consumer:
 * as soon as one FETCH returns the next is sent (one at a time on the connection), until
 * `READ_AHEAD_BATCHES` batches wait unread, so Postgres keeps reading while the caller works.
 */
export async function* fetchBatches<R extends object>(
  client: PoolClient,
  cursor: string,
  batchRows = READ_BATCH_ROWS,
): AsyncGenerator<R[]> {
  const ready: R[][] = [];
  let inFlight: Promise<void> | null = null;
  let exhausted = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const pump = (): void => {
    if (inFlight || exhausted || failure || ready.length >= READ_AHEAD_BATCHES) return;
    inFlight = client.query<R>(`FETCH ${batchRows} FROM ${cursor}`).then(
      ({ rows }) => {
        inFlight = null;
        if (rows.length < batchRows) exhausted = true;
        if (rows.length > 0) ready.push(rows);
        wake?.();
        pump();
      },
      (error: unknown) => {
        inFlight = null;
        failure = { error };
        wake?.();
      },
    );
  };
  try {
    pump();
    for (;;) {
      const rows = ready.shift();
      if (rows) {
        pump();
        yield rows;
        // The consumer's awaits are microtasks, which never let socket events in: without a turn of
        // the event loop here the finished FETCH would sit unread and Postgres idle until `ready` ran dry.
        await nextTurn();
      } else if (failure) {
        throw (failure as { error: unknown }).error;
      } else if (exhausted) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    }
  } finally {
    exhausted = true;
    await inFlight;
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
