import { getDatabase } from "@/lib/db/client";
import { cancelRun } from "./create-select-run";

export async function cancelRunById(runId: number, userId: number | null): Promise<{ status: string }> {
  return { status: await cancelRun(await getDatabase(), runId, userId) };
}
