import { NextResponse } from "next/server";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { errorResponse } from "@/lib/error-response";
import { AppError, describeIssues } from "@/lib/errors";
import { ZUploadParams } from "@/lib/import/loader/schemas";
import { importUpload, prepareUpload } from "@/lib/import/loader/upload";

export const dynamic = "force-dynamic";

/**
 * POST the raw file as the request body (streamed; server actions would cap its size) → the summary.
 * With `?prepare=1` (no body) only the queued status row is created → `{ id }`, to poll at
 * `./imports/<id>` while the file is then POSTed with `?import=<id>`.
 */
export async function POST(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const params = ZUploadParams.safeParse({ ...query, slug: (await ctx.params).slug });
  if (!params.success) {
    return errorResponse(new AppError("BAD_INPUT", describeIssues(params.error, "query")));
  }
  // A new dataset has no members yet; an existing one may be restricted.
  const auth = await requireRouteActor(request, "manage", params.data.create === "1" ? undefined : params.data.slug);
  if (auth.denied) return auth.denied;
  try {
    if (params.data.prepare === "1") return NextResponse.json({ id: await prepareUpload(params.data, auth.actor.userId) }, { status: 201 });
    const length = request.headers.get("content-length");
    return NextResponse.json(await importUpload(request.body, length ? Number(length) : null, params.data, auth.actor.userId));
  } catch (e) {
    return errorResponse(e);
  }
}
