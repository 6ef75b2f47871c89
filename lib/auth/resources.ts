import { getDatabase } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

async function datasetOf(table: "pipeline_runs" | "exports", what: string, id: number): Promise<{ id: number }> {
  const { pool } = await getDatabase();
  const { rows } = await pool.query<{ id: number }>(`SELECT dataset_id AS id FROM ${table} WHERE id = $1`, [id]);
  if (!rows[0]) throw new AppError("NOT_FOUND", `No ${what} with id ${id}.`);
  return rows[0];
}

/** The dataset a run belongs to, for guards on handlers addressed by run id. */
export function datasetOfRun(runId: number): Promise<{ id: number }> {
  return datasetOf("pipeline_runs", "run", runId);
}

/** The dataset an export belongs to, for guards on handlers addressed by export id. */
export function datasetOfExport(exportId: number): Promise<{ id: number }> {
  return datasetOf("exports", "export", exportId);
}
