import { requireApiActor } from "@/lib/auth/bearer";
import { getDatabase } from "@/lib/db/client";
import { errorResponse, json } from "../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/me: who the token (or session) acts as. */
export async function GET(request: Request) {
  try {
    const actor = await requireApiActor(await getDatabase(), request, "read");
    return json(actor);
  } catch (e) {
    return errorResponse(e);
  }
}
