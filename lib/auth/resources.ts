import { z } from "zod";
import { getDatabase } from "@/lib/db/client";
import { queryMaybeOne, raw, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";

/**
 * The dataset of a run or export, with the 404 message of a missing one: the guard answers a record
 * in a dataset the caller may not see with that same message, so hidden and missing ids look alike.
 */
async function datasetOf(table: "pipeline_runs" | "exports", what: string, id: number): Promise<{ id: number; missing: string }> {
  const missing = `No ${what} with id ${id}.`;
  const { pool } = await getDatabase();
  const found = await queryMaybeOne(pool, sql`SELECT dataset_id AS id FROM ${raw(table)} WHERE id = ${id}`, z.object({ id: z.number() }));
  if (!found) throw new AppError("NOT_FOUND", missing);
  return { id: found.id, missing };
}

/** The dataset a run belongs to, for guards on handlers addressed by run id. */
export function datasetOfRun(runId: number): Promise<{ id: number; missing: string }> {
  return datasetOf("pipeline_runs", "run", runId);
}

/** The dataset an export belongs to, for guards on handlers addressed by export id. */
export function datasetOfExport(exportId: number): Promise<{ id: number; missing: string }> {
  return datasetOf("exports", "export", exportId);
}
