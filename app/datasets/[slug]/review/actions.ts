"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { requireDatasetActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { ZSlug } from "@/lib/datasets/schemas";
import { updateGuidelines, ZGuidelines } from "@/lib/pairs/guidelines";
import { ZId } from "@/lib/input-limits";
import { decideOrConflict, undoOrConflict, ZDecide, ZUndo } from "@/lib/pairs/review";
import { ZLanguageCode, ZVote } from "@/lib/review/schemas";
import { claimNextForUser, heartbeatOrExpired, voteOrExpired } from "@/lib/review/vote-queue";

/** Pairs skipped in one sitting that the queue passes over (a longer sitting starts passing over anew). */
const MAX_PASS_OVER = 500;

export async function decideAction(input: unknown) {
  const result = await runAction(z.object({ slug: ZSlug, input: ZDecide }), input, async ({ slug, input }) => {
    const { actor, dataset } = await requireDatasetActor("review", slug);
    return decideOrConflict(await getDatabase(), dataset.id, input, actor.userId);
  });
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}

export async function undoAction(input: unknown) {
  const result = await runAction(z.object({ slug: ZSlug, input: ZUndo }), input, async ({ slug, input }) => {
    const { actor, dataset } = await requireDatasetActor("review", slug);
    return undoOrConflict(await getDatabase(), dataset.id, input, actor.userId);
  });
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}

export async function saveGuidelinesAction(input: unknown) {
  const result = await runAction(ZGuidelines, input, async (data) => {
    const { actor, dataset } = await requireDatasetActor("manage", data.slug);
    return updateGuidelines(await getDatabase(), dataset.id, data.guidelines, actor.userId);
  });
  revalidatePath("/datasets/[slug]/review", "page");
  return result;
}

const ZLease = z.object({ slug: ZSlug, leaseId: ZId });

/** The vote queue's next pair for the signed-in reviewer (in `lang`, one of theirs), passing over the pairs they skipped. */
export async function claimNextAction(input: unknown) {
  const schema = z.object({ slug: ZSlug, lang: ZLanguageCode.nullable(), passOver: z.array(ZId).max(MAX_PASS_OVER) });
  return runAction(schema, input, async ({ slug, lang, passOver }) => {
    const { actor, dataset } = await requireDatasetActor("review", slug);
    return claimNextForUser(await getDatabase(), dataset.id, actor.userId, lang, passOver);
  });
}

export async function voteAction(input: unknown) {
  const result = await runAction(z.object({ slug: ZSlug, pairId: ZId, vote: ZVote }), input, async ({ slug, pairId, vote }) => {
    const { actor } = await requireDatasetActor("review", slug);
    return voteOrExpired(await getDatabase(), pairId, actor.userId, vote);
  });
  revalidatePath("/datasets/[slug]/pairs", "page");
  return result;
}

export async function heartbeatAction(input: unknown) {
  return runAction(ZLease, input, async ({ slug, leaseId }) => {
    const { actor } = await requireDatasetActor("review", slug);
    return heartbeatOrExpired(await getDatabase(), leaseId, actor.userId);
  });
}
