import { Readable } from "node:stream";
import { z } from "zod";
import { openExportDownload } from "@/lib/export/snapshots/download";
import { withApiRecord } from "../../../_lib/guard";
import { EXPORT } from "../../../_lib/records";

export const dynamic = "force-dynamic";

const ZQuery = z.strictObject({ file: z.string().min(1, "name a file of the export's manifest").optional() });

/**
 * GET /api/v1/exports/{id}/download: the stored bytes of a succeeded export (its one file, or a zip
 * of all files); `?file=<manifest path>` streams one file.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiRecord(request, ctx.params, "read", { ...EXPORT, query: ZQuery }, async ({ db, id, query }) => {
    const download = await openExportDownload(db, id, query.file ?? null);
    const headers = new Headers({
      "content-type": download.contentType,
      "content-disposition": `attachment; filename="${download.filename}"`,
      "cache-control": "private, no-store",
    });
    if (download.bytes !== null) headers.set("content-length", String(download.bytes));
    return new Response(Readable.toWeb(download.stream) as ReadableStream<Uint8Array>, { headers });
  });
}
