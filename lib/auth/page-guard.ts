import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { type Dataset, findDatasetBySlug } from "@/lib/datasets/queries";
import { isAppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { can, type Permission } from "./roles";
import { requireActor, type DatasetRef } from "./session";

/**
 * For server-component pages: the actor allowed to read (the dataset); signed out → /login,
 * a restricted dataset they are not a member of → 404, a one-time password not yet changed → /account/password.
 */
export async function pageActor(dataset?: DatasetRef): Promise<Actor> {
  try {
    return await requireActor("read", dataset);
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHENTICATED") redirect("/login");
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && e.code === "FORBIDDEN" && e.details) redirect("/account/password");
    throw e;
  }
}

// Once per server render: the dataset layout and its page share one lookup.
const renderDataset = cache(findDatasetBySlug);

/**
 * For pages under a dataset: the dataset the slug names and the actor allowed to read it, looked up
 * once per render for the page to hand on. An unknown or malformed slug is a 404 (before sign-in is
 * asked for), otherwise as pageActor.
 */
export async function pageDataset(slug: string): Promise<{ actor: Actor; dataset: Dataset }> {
  const dataset = await renderDataset(slug);
  if (!dataset) notFound();
  return { actor: await pageActor(dataset), dataset };
}

/** What the page may offer: controls for a permission the role lacks are not rendered. */
export function abilities(actor: Actor): Record<Permission, boolean> {
  return { read: true, review: can(actor.role, "review"), export: can(actor.role, "export"), manage: can(actor.role, "manage") };
}
