import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { ZIdParam } from "@/lib/input-limits";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { datasetOfExport } from "@/lib/auth/resources";
import { getDatabase } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { openExportDownload } from "@/lib/export/snapshots/download";

export const dynamic = "force-dynamic";

const ZExportId = ZIdParam;
const STATUS = { NOT_FOUND: 404, CONFLICT: 409, BAD_INPUT: 400 } as Record<string, number>;

/** GET: the stored export (its single file, or a zip of all files); `?file=<path>` streams one file of it. */
export async function GET(req: Request, ctx: { params: Promise<{ exportId: string }> }) {
  const exportId = ZExportId.safeParse((await ctx.params).exportId);
  if (!exportId.success) return NextResponse.json({ error: "exportId must be a positive integer" }, { status: 400 });
  const auth = await requireRouteActor(req, "read", () => datasetOfExport(exportId.data));
  if (auth.denied) return auth.denied;
  try {
    const file = new URL(req.url).searchParams.get("file");
    const download = await openExportDownload(await getDatabase(), exportId.data, file);
    const headers = new Headers({
      "content-type": download.contentType,
      "content-disposition": `attachment; filename="${download.filename}"`,
      "cache-control": "private, max-age=0, must-revalidate",
    });
    if (download.bytes !== null) headers.set("content-length", String(download.bytes));
    return new Response(Readable.toWeb(download.stream) as ReadableStream<Uint8Array>, { headers });
  } catch (e) {
    if (isAppError(e) && STATUS[e.code]) return NextResponse.json({ error: e.message }, { status: STATUS[e.code] });
    throw e;
  }
}
