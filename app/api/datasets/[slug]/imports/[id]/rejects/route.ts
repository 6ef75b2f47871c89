import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { getDatabase } from "@/lib/db/client";
import { getImportStatus } from "@/lib/imports/import-status";
import { keptUploadRejects } from "@/lib/imports/upload-rejects";

export const dynamic = "force-dynamic";

/** The rejected records of an upload imported with "skip invalid" (JSONL), while the server keeps them. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await ctx.params;
  const auth = await requireRouteActor(request, "manage");
  if (auth.denied) return auth.denied;
  const n = Number(id);
  const row = Number.isSafeInteger(n) && n > 0 && n < 2 ** 31 ? await getImportStatus(await getDatabase(), n) : null;
  if (!row || row.datasetSlug !== slug) return NextResponse.json({ error: "No such import." }, { status: 404 });
  const kept = await keptUploadRejects(row.id);
  if (!kept) return NextResponse.json({ error: `Import #${row.id} has no rejected records on the server (none were written, or they expired).` }, { status: 404 });
  return new Response(Readable.toWeb(createReadStream(kept.path)) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-length": String(kept.size),
      "content-disposition": `attachment; filename="${slug}-import-${row.id}-rejects.jsonl"`,
      "cache-control": "no-store",
    },
  });
}
