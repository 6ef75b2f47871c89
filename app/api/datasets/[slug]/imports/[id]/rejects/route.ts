import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { errorResponse } from "@/lib/error-response";
import { AppError } from "@/lib/errors";
import { getDatabase } from "@/lib/db/client";
import { getImportStatus } from "@/lib/import/loader/import-status";
import { keptUploadRejects } from "@/lib/import/loader/upload-rejects";

export const dynamic = "force-dynamic";

/** The rejected records of an upload imported with "skip invalid" (JSONL), while the server keeps them. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await ctx.params;
  const auth = await requireRouteActor(request, "manage");
  if (auth.denied) return auth.denied;
  const n = Number(id);
  const row = Number.isSafeInteger(n) && n > 0 && n < 2 ** 31 ? await getImportStatus(await getDatabase(), n) : null;
  if (!row || row.datasetSlug !== slug) return errorResponse(new AppError("NOT_FOUND", "No such import."));
  const kept = await keptUploadRejects(row.id);
  if (!kept)
    return errorResponse(
      new AppError("NOT_FOUND", `Import #${row.id} has no rejected records on the server (none were written, or they expired).`),
    );
  return new Response(Readable.toWeb(createReadStream(kept.path)) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-length": String(kept.size),
      "content-disposition": `attachment; filename="${slug}-import-${row.id}-rejects.jsonl"`,
      "cache-control": "no-store",
    },
  });
}
