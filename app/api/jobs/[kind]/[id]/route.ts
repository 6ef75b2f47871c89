import { NextResponse } from "next/server";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { getDatabase } from "@/lib/db/client";
import { HTTP_STATUS, isAppError } from "@/lib/errors";
import { ZIdParam } from "@/lib/input-limits";
import { JOB_ROUTE_KINDS } from "../../job-kinds";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ kind: string; id: string }> };

/** GET: any job's status and progress (select, generate, embed, bulk, export, import), polled while it is active. */
export async function GET(req: Request, ctx: Ctx) {
  const { kind, id } = await ctx.params;
  const spec = JOB_ROUTE_KINDS[kind];
  if (!spec || !Object.hasOwn(JOB_ROUTE_KINDS, kind)) return NextResponse.json({ error: `No job kind ${kind}.` }, { status: 404 });
  const n = ZIdParam.safeParse(id);
  if (!n.success) return NextResponse.json({ error: "id must be a positive integer" }, { status: 400 });
  const auth = await requireRouteActor(req, spec.read, spec.dataset?.(n.data));
  if (auth.denied) return auth.denied;
  try {
    return NextResponse.json(await spec.status(await getDatabase(), n.data), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (isAppError(e)) return NextResponse.json({ error: e.message }, { status: HTTP_STATUS[e.code] });
    throw e;
  }
}
