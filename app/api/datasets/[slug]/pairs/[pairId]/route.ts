import { NextResponse } from "next/server";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { errorResponse } from "@/lib/error-response";
import { AppError } from "@/lib/errors";
import { getDatabase } from "@/lib/db/client";
import { getPairDetail } from "@/lib/pairs/detail";
import { ZIdParam } from "@/lib/input-limits";

export const dynamic = "force-dynamic";

/** A pair with its texts, candidates and decision history, for the review queue's prefetch. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; pairId: string }> }) {
  const raw = await params;
  const auth = await requireRouteActor(request, "read", raw.slug);
  if (auth.denied) return auth.denied;
  const pairId = ZIdParam.safeParse(raw.pairId);
  if (!pairId.success) return errorResponse(new AppError("NOT_FOUND", "No such pair."));
  try {
    return NextResponse.json(await getPairDetail(await getDatabase(), auth.dataset.id, pairId.data));
  } catch (e) {
    return errorResponse(e);
  }
}
