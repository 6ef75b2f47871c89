import { z } from "zod";
import { getDatabase } from "@/lib/db/client";
import { queryOne, queryRows, sql } from "@/lib/db/sql";
import { AppError, forbidden, unauthenticated } from "@/lib/errors";
import type { DatasetWhereInput } from "@/lib/generated/prisma/models";
import type { Actor } from "./actor";
import { can, type Permission } from "./roles";

/**
 * A dataset with at least one dataset_members row is restricted: only admins and its members see it.
 * Anyone else gets NOT_FOUND (not FORBIDDEN) so the dataset's existence does not leak.
 */
export async function canSeeDataset(actor: Actor, datasetId: number): Promise<boolean> {
  if (actor.role === "admin") return true;
  const { pool } = await getDatabase();
  const row = await queryOne(
    pool,
    sql`SELECT count(*) > 0 AS restricted, coalesce(bool_or(user_id = ${actor.userId}), false) AS member
          FROM dataset_members WHERE dataset_id = ${datasetId}`,
    z.object({ restricted: z.boolean(), member: z.boolean() }),
  );
  return !row.restricted || row.member;
}

/**
 * Throws UNAUTHENTICATED (401) without an actor, NOT_FOUND (404) for a restricted dataset the actor
 * is not a member of (with `dataset.missing` as its message when given, e.g. "No run with id 7."),
 * FORBIDDEN (403) when the role lacks the permission.
 */
export async function assertCan(actor: Actor | null, permission: Permission, dataset?: { id: number; missing?: string }): Promise<Actor> {
  if (!actor) throw unauthenticated();
  if (dataset && !(await canSeeDataset(actor, dataset.id))) throw new AppError("NOT_FOUND", dataset.missing ?? "No such dataset.");
  if (!can(actor.role, permission)) throw forbidden(`Your role (${actor.role}) does not allow ${permission}.`);
  return actor;
}

/** A Prisma `where` on datasets that keeps only those the actor may see (for list queries). */
export function visibleDatasetFilter(actor: Actor): DatasetWhereInput {
  if (actor.role === "admin") return {};
  return { OR: [{ members: { none: {} } }, { members: { some: { userId: actor.userId } } }] };
}

/** Ids of restricted datasets the actor is not a member of (to drop from lists built by raw SQL). */
export async function hiddenDatasetIds(actor: Actor): Promise<Set<number>> {
  if (actor.role === "admin") return new Set();
  const { pool } = await getDatabase();
  const rows = await queryRows(
    pool,
    sql`SELECT dataset_id AS id FROM dataset_members GROUP BY dataset_id HAVING NOT bool_or(user_id = ${actor.userId})`,
    z.object({ id: z.number() }),
  );
  return new Set(rows.map((r) => r.id));
}
