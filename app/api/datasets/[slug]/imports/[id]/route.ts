import { NextResponse } from "next/server";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { errorResponse } from "@/lib/error-response";
import { AppError } from "@/lib/errors";
import { getDatabase } from "@/lib/db/client";
import { ZIdParam } from "@/lib/input-limits";
import { getImportStatus } from "@/lib/import/loader/import-status";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string; id: string }> };

async function find(ctx: Ctx) {
  const { slug, id } = await ctx.params;
  const n = ZIdParam.safeParse(id);
  const row = n.success ? await getImportStatus(await getDatabase(), n.data) : null;
  return row && row.datasetSlug === slug ? row : null;
}

/** An import's status row: progress (bytes, records) while it runs, then its summary or its errors (cancel: `POST /api/jobs/import/{id}/cancel`). */
export async function GET(request: Request, ctx: Ctx) {
  const auth = await requireRouteActor(request, "manage");
  if (auth.denied) return auth.denied;
  const row = await find(ctx);
  if (!row) return errorResponse(new AppError("NOT_FOUND", "No such import."));
  return NextResponse.json(row, { headers: { "cache-control": "no-store" } });
}
