import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { AppError, unauthenticated } from "@/lib/errors";
import { type Dataset, findDatasetBySlug } from "@/lib/datasets/queries";
import type { Actor } from "./actor";
import { assertCan } from "./access";
import { getAuth } from "./better-auth";
import type { Permission } from "./roles";
import { loadUser, toActor, type UserRow } from "./users";

/**
 * Guards for server components, server actions and route handlers (browser sessions).
 * Every exported server action and route handler must call requireActor / requireRouteActor
 * (lib/auth/guard-coverage.test.ts checks it).
 */

async function userFromHeaders(requestHeaders: Headers): Promise<UserRow | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return loadUser(Number(session.user.id));
}

// Once per server render: the layout, the page and its guards share one lookup.
const requestUser = cache(async () => userFromHeaders(await headers()));

/** The session's user (null when signed out or the session expired). */
export async function currentUser(requestHeaders?: Headers): Promise<UserRow | null> {
  return requestHeaders ? userFromHeaders(requestHeaders) : requestUser();
}

export async function currentActor(requestHeaders?: Headers): Promise<Actor | null> {
  const user = await currentUser(requestHeaders);
  return user ? toActor(user, "session") : null;
}

export const MUST_CHANGE_PASSWORD = "Change your one-time password first (/account/password).";

/**
 * A dataset slug, id, `{ id }`, or a lookup run only once the user is known (e.g. a run's dataset);
 * `missing` is the 404 message when the dataset is hidden from the user.
 */
export type DatasetRef = string | number | { id: number; missing?: string } | (() => Promise<{ id: number; missing?: string }>);

async function resolveDataset(ref: Exclude<DatasetRef, string>): Promise<{ id: number; missing?: string }> {
  if (typeof ref === "function") return ref();
  if (typeof ref === "object") return ref;
  return { id: ref };
}

async function datasetOfSlug(slug: string): Promise<Dataset> {
  const dataset = await findDatasetBySlug(slug);
  if (!dataset) throw new AppError("NOT_FOUND", "No such dataset.");
  return dataset;
}

async function signedInActor(requestHeaders?: Headers): Promise<Actor | null> {
  const user = await currentUser(requestHeaders);
  if (user?.mustChangePassword) throw new AppError("FORBIDDEN", MUST_CHANGE_PASSWORD, { mustChangePassword: true });
  return user ? toActor(user, "session") : null;
}

/**
 * The signed-in actor and the dataset a slug names, looked up once for the caller to hand on, if
 * the actor's role has `permission` and they may see that dataset; otherwise throws as requireActor.
 */
export async function requireDatasetActor(
  permission: Permission,
  slug: string,
  requestHeaders?: Headers,
): Promise<{ actor: Actor; dataset: Dataset }> {
  const actor = await signedInActor(requestHeaders);
  if (!actor) throw unauthenticated();
  const dataset = await datasetOfSlug(slug);
  await assertCan(actor, permission, dataset);
  return { actor, dataset };
}

/**
 * The signed-in actor if their role has `permission` (and, given a dataset slug or id, they may see
 * that dataset); otherwise throws UNAUTHENTICATED, FORBIDDEN or NOT_FOUND (see assertCan).
 * A user who must still change their first password may do nothing else.
 */
export async function requireActor(permission: Permission, dataset?: DatasetRef, requestHeaders?: Headers): Promise<Actor> {
  if (typeof dataset === "string") return (await requireDatasetActor(permission, dataset, requestHeaders)).actor;
  const actor = await signedInActor(requestHeaders);
  await assertCan(actor, permission, actor && dataset !== undefined ? await resolveDataset(dataset) : undefined);
  return actor as Actor;
}
