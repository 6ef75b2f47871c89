import type { PoolClient } from "pg";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { execute, queryMaybeOne, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { heartbeatLapseMs } from "@/lib/jobs/heartbeat";
import type { LoadCounts } from "./load-groups";

// The embedded (PGlite) path of an import that creates its dataset: rows go into the real tables in
// short transactions while the dataset is `loading` (hidden from every reader); publishing clears the
// flag in one tiny transaction. See abandoned-loads.ts for the clean-up.

const ZTarget = z.object({ id: z.number(), task: z.string(), pivot_language: z.string() });
export type ImportTarget = z.output<typeof ZTarget>;

export function stillLoading(slug: string): AppError {
  return new AppError(
    "CONFLICT",
    `Dataset "${slug}" is still being imported by another import; try again once it has finished ` +
      `(an import that was stopped is cleared ${Math.max(1, Math.round(heartbeatLapseMs() / 60_000))} minutes after its last write).`,
  );
}

/**
 * Creates the dataset hidden, or answers null when a published dataset already has the slug
 * (the import then merges into it in one transaction). Refuses a slug another import is loading.
 */
export async function createHiddenDataset(
  db: Pick<Database, "pool">,
  slug: string,
  create: { task: string; name?: string },
): Promise<ImportTarget | null> {
  const created = await queryMaybeOne(
    db.pool,
    sql`
    INSERT INTO datasets (slug, name, task, loading, updated_at) VALUES (${slug}, ${create.name ?? slug}, ${create.task}::"Task", true, now())
    ON CONFLICT (slug) DO NOTHING RETURNING id, task::text AS task, pivot_language`,
    ZTarget,
  );
  if (created) return created;
  const existing = await queryMaybeOne(db.pool, sql`SELECT loading FROM datasets WHERE slug = ${slug}`, z.object({ loading: z.boolean() }));
  if (existing?.loading) throw stillLoading(slug);
  return null;
}

/**
 * Runs one batch's writes in a transaction of its own and beats the dataset's heartbeat (updated_at)
 * in it; fails when the dataset is no longer loading (e.g. swept as abandoned).
 */
export async function writeHiddenBatch<T>(db: Pick<Database, "pool">, datasetId: number, fn: (tx: PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(db, async (tx) => {
    const result = await fn(tx);
    const alive = await execute(tx, sql`UPDATE datasets SET updated_at = now() WHERE id = ${datasetId} AND loading`);
    if (alive !== 1) throw new AppError("CONFLICT", "The dataset being imported was removed meanwhile; nothing was imported.");
    return result;
  });
}

const REMOVE_CHUNK = 500;

/** Removes groups of the hidden dataset (with their prompts and responses); returns what was removed. */
export async function removeHiddenGroups(db: Pick<Database, "pool">, datasetId: number, externalIds: string[]): Promise<LoadCounts> {
  const removed: LoadCounts = { groups: 0, prompts: 0, responses: 0, duplicates: 0 };
  for (let i = 0; i < externalIds.length; i += REMOVE_CHUNK) {
    const ids = externalIds.slice(i, i + REMOVE_CHUNK);
    await writeHiddenBatch(db, datasetId, async (tx) => {
      const groups = sql`SELECT id FROM prompt_groups WHERE dataset_id = ${datasetId} AND external_id = ANY(${ids}::text[])`;
      removed.responses += await execute(tx, sql`DELETE FROM responses WHERE group_id IN (${groups})`);
      removed.prompts += await execute(tx, sql`DELETE FROM prompt_texts WHERE group_id IN (${groups})`);
      removed.groups += await execute(
        tx,
        sql`DELETE FROM prompt_groups WHERE dataset_id = ${datasetId} AND external_id = ANY(${ids}::text[])`,
      );
    });
  }
  return removed;
}

/**
 * Makes the loaded dataset visible: one tiny transaction. `languages` are its prompt languages, or
 * null to read them from the stored prompts (after groups were removed).
 */
export async function publishHiddenDataset(db: Pick<Database, "pool">, datasetId: number, languages: string[] | null): Promise<void> {
  const list =
    languages === null
      ? sql`SELECT DISTINCT language FROM prompt_texts WHERE dataset_id = ${datasetId}`
      : sql`SELECT DISTINCT unnest(${languages}::text[])`;
  const published = await execute(
    db.pool,
    sql`
    UPDATE datasets SET loading = false, languages = ARRAY(SELECT l FROM (${list}) x(l) ORDER BY l), updated_at = now()
    WHERE id = ${datasetId} AND loading`,
  );
  if (published !== 1) throw new AppError("CONFLICT", "The dataset being imported was removed meanwhile; nothing was imported.");
}
