import { NextResponse } from "next/server";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { datasetOfRun } from "@/lib/auth/resources";
import { getDatabase } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { readRunStatus } from "@/lib/jobs/job-status";
import { ZRunId } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ runId: string }> }) {
  const runId = ZRunId.safeParse((await ctx.params).runId);
  if (!runId.success) return NextResponse.json({ error: "runId must be a positive integer" }, { status: 400 });
  const auth = await requireRouteActor(req, "read", () => datasetOfRun(runId.data));
  if (auth.denied) return auth.denied;
  try {
    const run = await readRunStatus((await getDatabase()).pool, runId.data);
    return NextResponse.json({
      id: run.id,
      status: run.status,
      done: run.done,
      total: run.total,
      cancelRequested: run.cancelRequested,
      error: run.error,
    });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return NextResponse.json({ error: e.message }, { status: 404 });
    throw e;
  }
}
