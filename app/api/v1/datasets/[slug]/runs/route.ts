import { z } from "zod";
import { getRun, listRuns } from "@/lib/runs/queries";
import { ZSelectRunConfig } from "@/lib/runs/schemas";
import { startSelectRun } from "@/lib/runs/start-select-run";
import { decodeApiCursor, pageOf, ZIdKey, ZLimit } from "../../../_lib/cursor";
import { withApiDataset } from "../../../_lib/guard";
import { json, parseBody, parseQuery } from "../../../_lib/http";

export const dynamic = "force-dynamic";

const ZQuery = z.strictObject({ cursor: z.string().optional(), limit: ZLimit });

/** GET /api/v1/datasets/{slug}/runs: the dataset's runs (generate, embed, select), newest first. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "read", async ({ db, dataset }) => {
    const query = parseQuery(request, ZQuery);
    const before = query.cursor === undefined ? undefined : decodeApiCursor(query.cursor, ZIdKey).id;
    const rows = await listRuns(db, dataset.id, query.limit + 1, before);
    return json(pageOf(rows, query.limit, (r) => ({ id: r.id })));
  });
}

/** The select run's settings as JSON; unknown keys are refused so a typo is not silently a default. */
const ZStartRun = ZSelectRunConfig.strict();

/** POST /api/v1/datasets/{slug}/runs (admin): queues a CM-Align select run; 201 with the run. */
export async function POST(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "manage", async ({ db, actor, dataset }) => {
    const config = await parseBody(request, ZStartRun);
    const { runId } = await startSelectRun(db, dataset.id, config, actor.userId);
    const response = json(await getRun(db, runId), 201);
    response.headers.set("location", `/api/v1/runs/${runId}`);
    return response;
  });
}
