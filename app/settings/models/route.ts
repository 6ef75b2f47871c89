import { NextResponse } from "next/server";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { checkProviderConnection } from "@/lib/llm/providers/mutations";

export const dynamic = "force-dynamic";

/** GET: "test connection" — the model ids the configured server lists. */
export async function GET(request: Request) {
  const auth = await requireRouteActor(request, "manage");
  if (auth.denied) return auth.denied;
  return NextResponse.json(await checkProviderConnection());
}
