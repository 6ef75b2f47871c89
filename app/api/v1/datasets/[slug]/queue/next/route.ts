import { z } from "zod";
import { claimNextPair } from "@/lib/review/claim-next-pair";
import { reviewerOf } from "@/lib/review/reviewer";
import { ZLanguageCode } from "@/lib/review/schemas";
import { withApiDataset } from "../../../../_lib/guard";
import { json, parseBody } from "../../../../_lib/http";

export const dynamic = "force-dynamic";

const ZNext = z.strictObject({ lang: ZLanguageCode.optional() });

/**
 * POST /api/v1/datasets/{slug}/queue/next (reviewer; optional body `{ "lang": "de" }`): leases the
 * caller the next pair in their review languages; 204 when nothing is left for them. In blind mode the
 * answer says nothing about the method; otherwise `method` holds its chosen and rejected ids and scores.
 */
export async function POST(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "review", async ({ db, actor, dataset }) => {
    const empty = (await request.clone().text()).trim() === "";
    const { lang } = empty ? { lang: undefined } : await parseBody(request, ZNext);
    const leased = await claimNextPair(db, dataset.id, await reviewerOf(db.pool, actor.userId), lang ?? null);
    if (!leased) return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
    const { method, ...rest } = leased;
    return json(method ? { ...rest, pair: { ...rest.pair, ...method } } : rest);
  });
}
