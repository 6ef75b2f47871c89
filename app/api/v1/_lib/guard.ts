import type { z } from "zod";
import { canSeeDataset } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { requireApiActor } from "@/lib/auth/bearer";
import type { Permission } from "@/lib/auth/roles";
import { getDatabase, type Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { visibleDatasetOfSlug, type ApiDataset } from "./dataset";
import { errorResponse, parseParam, parseQuery, sameAsMissing, ZPathId } from "./http";

/**
 * The prelude of every /api/v1 handler. Each helper authenticates the request (API token or session),
 * checks the role's `permission` once, finds what the path names and checks that the actor may see its
 * dataset, then runs the handler; any error thrown on the way (or by the handler) becomes the JSON
 * error response. In order: 401 (no or bad credentials), 403 (role), 400 (bad `{id}`), 404 (missing,
 * or in a restricted dataset the actor is not a member of: both answer alike), then the handler's own.
 * lib/auth/guard-coverage.test.ts accepts these helpers as the guard of a route handler.
 */

export type ApiContext = { db: Database; actor: Actor };
export type ApiDatasetContext = ApiContext & { dataset: ApiDataset };
export type ApiRecordContext<R, Q> = ApiContext & { id: number; record: R; query: Q };

/** For handlers not about one dataset (e.g. `/me`, the dataset list). */
export async function withApiActor(
  request: Request,
  permission: Permission,
  handler: (ctx: ApiContext) => Promise<Response>,
): Promise<Response> {
  try {
    const db = await getDatabase();
    const actor = await requireApiActor(db, request, permission);
    return await handler({ db, actor });
  } catch (e) {
    return errorResponse(e);
  }
}

/** For handlers under `/datasets/{slug}`: the dataset, if the actor may see it. */
export function withApiDataset(
  request: Request,
  params: Promise<{ slug: string }>,
  permission: Permission,
  handler: (ctx: ApiDatasetContext) => Promise<Response>,
): Promise<Response> {
  return withApiActor(request, permission, async ({ db, actor }) => {
    const dataset = await visibleDatasetOfSlug(actor, (await params).slug);
    return handler({ db, actor, dataset });
  });
}

/** A kind of record that belongs to a dataset and is named by an `{id}` path segment (see records.ts). */
export type ApiRecordKind<R extends { datasetId: number }> = {
  /** Names the record in the 404 body: `No <name> <id>.` */
  name: string;
  /** The record, or null (or a NOT_FOUND error) when there is none. */
  find: (db: Database, id: number) => Promise<R | null>;
};

/**
 * For handlers under `/runs/{id}`, `/exports/{id}`, `/pairs/{id}`: the record, if the actor may see
 * its dataset; a hidden record answers exactly like a missing one. `query`, when given, is validated
 * before the record is looked up (so a bad query string is a 400 whether or not the record exists).
 */
export function withApiRecord<R extends { datasetId: number }, Q extends z.ZodType = z.ZodUndefined>(
  request: Request,
  params: Promise<{ id: string }>,
  permission: Permission,
  kind: ApiRecordKind<R> & { query?: Q },
  handler: (ctx: ApiRecordContext<R, z.output<Q>>) => Promise<Response>,
): Promise<Response> {
  return withApiActor(request, permission, async ({ db, actor }) => {
    const id = parseParam("id", (await params).id, ZPathId);
    const query = (kind.query === undefined ? undefined : parseQuery(request, kind.query)) as z.output<Q>;
    const missing = `No ${kind.name} ${id}.`;
    const record = await sameAsMissing(kind.find(db, id), missing);
    if (!record || !(await canSeeDataset(actor, record.datasetId))) throw new AppError("NOT_FOUND", missing);
    return handler({ db, actor, id, record, query });
  });
}
