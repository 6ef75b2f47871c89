import { Readable } from "node:stream";
import { z } from "zod";
import { assertCan } from "@/lib/auth/access";
import { requireApiActor } from "@/lib/auth/bearer";
import { getDatabase } from "@/lib/db/client";
import { openExportDownload } from "@/lib/exports/download";
import { getExport } from "@/lib/exports/queries";
import { errorResponse, parseParam, parseQuery, sameAsMissing, ZPathId } from "../../../_lib/http";

export const dynamic = "force-dynamic";

const ZQuery = z.strictObject({ file: z.string().min(1, "name a file of the export's manifest").optional() });

/**
 * GET /api/v1/exports/{id}/download: the stored bytes of a succeeded export (its one file, or a zip
 * of all files); `?file=<manifest path>` streams one file.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const db = await getDatabase();
    const actor = await requireApiActor(db, request, "read");
    const exportId = parseParam("id", (await ctx.params).id, ZPathId);
    const { file } = parseQuery(request, ZQuery);
    const exp = await getExport(db, exportId);
    await sameAsMissing(assertCan(actor, "read", { id: exp.datasetId }), `No export ${exportId}.`);
    const download = await openExportDownload(db, exportId, file ?? null);
    const headers = new Headers({
      "content-type": download.contentType,
      "content-disposition": `attachment; filename="${download.filename}"`,
      "cache-control": "private, no-store",
    });
    if (download.bytes !== null) headers.set("content-length", String(download.bytes));
    return new Response(Readable.toWeb(download.stream) as ReadableStream<Uint8Array>, { headers });
  } catch (e) {
    return errorResponse(e);
  }
}
