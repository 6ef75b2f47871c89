import { NextResponse } from "next/server";
import { checkProviderConnection } from "@/lib/providers/mutations";

export const dynamic = "force-dynamic";

/** GET: "test connection" — the model ids the configured server lists. */
export async function GET() {
  return NextResponse.json(await checkProviderConnection());
}
