import { NextResponse } from "next/server";
import { ZIdParam } from "@/lib/input-limits";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { datasetOfExport } from "@/lib/auth/resources";
import { getDatabase } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getExportProgress } from "@/lib/export/snapshots/queries";

export const dynamic = "force-dynamic";

const ZExportId = ZIdParam;

/** GET: an export's status and progress, polled by the exports page while it is queued or running. */
export async function GET(req: Request, ctx: { params: Promise<{ exportId: string }> }) {
  const exportId = ZExportId.safeParse((await ctx.params).exportId);
  if (!exportId.success) return NextResponse.json({ error: "exportId must be a positive integer" }, { status: 400 });
  const auth = await requireRouteActor(req, "read", () => datasetOfExport(exportId.data));
  if (auth.denied) return auth.denied;
  try {
    return NextResponse.json(await getExportProgress(await getDatabase(), exportId.data), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return NextResponse.json({ error: e.message }, { status: 404 });
    throw e;
  }
}
