import { z } from "zod";
import { ZExportRequest } from "@/lib/export/snapshots/config";
import { getExport, listExports } from "@/lib/export/snapshots/queries";
import { startExport } from "@/lib/export/snapshots/start-export";
import { decodeApiCursor, pageOf, ZIdKey, ZLimit } from "../../../_lib/cursor";
import { withApiDataset } from "../../../_lib/guard";
import { json, parseBody, parseQuery } from "../../../_lib/http";
import { exportView } from "../../../_lib/views";

export const dynamic = "force-dynamic";

const ZQuery = z.strictObject({ cursor: z.string().optional(), limit: ZLimit });

/** GET /api/v1/datasets/{slug}/exports: the dataset's export snapshots, newest first. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "read", async ({ db, dataset }) => {
    const query = parseQuery(request, ZQuery);
    const before = query.cursor === undefined ? undefined : decodeApiCursor(query.cursor, ZIdKey).id;
    const page = pageOf(await listExports(db, dataset.id, query.limit + 1, before), query.limit, (x) => ({ id: x.id }));
    return json({ data: page.data.map(exportView), nextCursor: page.nextCursor });
  });
}

/** The export request as JSON (the CLI's flags, camelCase); unknown keys are refused. */
const ZBody = ZExportRequest.strict();

/** POST /api/v1/datasets/{slug}/exports (reviewer): records an export snapshot; follow it at GET /api/v1/exports/{id}. */
export async function POST(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "export", async ({ db, actor, dataset }) => {
    const body = await parseBody(request, ZBody);
    const { exportId } = await startExport(db, dataset.id, body, actor.userId);
    const response = json(exportView(await getExport(db, exportId)), 201);
    response.headers.set("location", `/api/v1/exports/${exportId}`);
    return response;
  });
}
