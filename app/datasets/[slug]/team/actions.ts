"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireDatasetActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { ZId, ZSlug } from "@/lib/input-limits";
import { adjudicatePair } from "@/lib/review/adjudicate";
import { setReviewPlan } from "@/lib/review/review-plan";
import { ZAdjudication, ZReviewPlan } from "@/lib/review/schemas";

export async function setReviewPlanAction(input: unknown) {
  const result = await runAction(ZReviewPlan.extend({ slug: ZSlug }), input, async ({ slug, ...plan }) => {
    const { actor, dataset } = await requireDatasetActor("manage", slug);
    return setReviewPlan(await getDatabase(), dataset.id, plan, actor.userId);
  });
  if (result.ok) revalidatePath("/datasets/[slug]/team", "page");
  return result;
}

/** An admin's verdict on a disputed pair: it settles the pair and is recorded as an adjudication. */
export async function adjudicateAction(input: unknown) {
  const result = await runAction(ZAdjudication.extend({ slug: ZSlug, pairId: ZId }), input, async ({ slug, pairId, ...verdict }) => {
    const { actor, dataset } = await requireDatasetActor("manage", slug);
    return adjudicatePair(await getDatabase(), dataset.id, pairId, actor.userId, verdict);
  });
  if (result.ok) revalidatePath("/datasets/[slug]/team", "layout");
  return result;
}
