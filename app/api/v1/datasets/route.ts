import { z } from "zod";
import { hiddenDatasetIds } from "@/lib/auth/access";
import { listDatasets } from "@/lib/datasets/queries";
import { decodeApiCursor, pageOf, ZIdKey, ZLimit } from "../_lib/cursor";
import { withApiActor } from "../_lib/guard";
import { json, parseQuery } from "../_lib/http";

export const dynamic = "force-dynamic";

const ZQuery = z.strictObject({ cursor: z.string().optional(), limit: ZLimit });

/**
 * GET /api/v1/datasets: the datasets the caller may see, in id order. Datasets are few (admins
 * create them), so the page is cut from the list the app's dataset page reads.
 */
export async function GET(request: Request) {
  return withApiActor(request, "read", async ({ actor }) => {
    const query = parseQuery(request, ZQuery);
    const after = query.cursor === undefined ? 0 : decodeApiCursor(query.cursor, ZIdKey).id;
    const hidden = await hiddenDatasetIds(actor);
    const rows = (await listDatasets())
      .filter((d) => d.id > after && !hidden.has(d.id))
      .sort((a, b) => a.id - b.id)
      .slice(0, query.limit + 1);
    return json(pageOf(rows, query.limit, (d) => ({ id: d.id })));
  });
}
