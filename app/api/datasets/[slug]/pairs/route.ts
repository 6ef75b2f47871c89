import { NextResponse } from "next/server";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { getDatabase } from "@/lib/db/client";
import { listPairs } from "@/lib/pairs/queries";
import { encodeCursor, parsePairTableParams } from "@/lib/pairs/table";

export const dynamic = "force-dynamic";

/** One page of the pairs table as JSON (same URL parameters as the page); the review queue loads more with it. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = (await params).slug;
  const auth = await requireRouteActor(request, "read", slug);
  if (auth.denied) return auth.denied;
  const { dataset } = auth;
  const url = new URL(request.url);
  const raw: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (raw[k] ??= []).push(v);
  const page = await listPairs(await getDatabase(), dataset.id, parsePairTableParams(raw));
  return NextResponse.json({ rows: page.rows, next: page.next ? encodeCursor(page.next) : null });
}
