import { getDatabase } from "./client";
import { migrationState } from "./migrations";

export type Health =
  | { ok: boolean; database: "postgres" | "embedded"; migrations: { applied: number; pending: string[]; latest: string | null } }
  | { ok: false; error: string };

export async function databaseHealth(): Promise<Health> {
  try {
    const db = await getDatabase();
    const state = await migrationState(db.pool);
    return {
      ok: state.pending.length === 0,
      database: db.kind,
      migrations: { applied: state.applied.length, pending: state.pending, latest: state.applied.at(-1) ?? null },
    };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
