import { withApiActor } from "../_lib/guard";
import { json } from "../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/me: who the token (or session) acts as. */
export async function GET(request: Request) {
  return withApiActor(request, "read", async ({ actor }) => json(actor));
}
