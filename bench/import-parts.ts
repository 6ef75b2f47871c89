// `npm run bench -- import --parts`: where the time of the COPY into our tables goes. Each part (an index,
// a key, a foreign key, a statement trigger of prompt_groups, prompt_texts or responses) is dropped or
// disabled in a transaction that COPYs the same finished rows and rolls back, so its cost is the full
// COPY's time minus the COPY's time without it; "none" drops every part at once. A dropped primary key
// takes the foreign keys that reference it along (CASCADE), so its cost includes theirs.
import type { Database } from "@/lib/db/client";
import { log, seconds } from "./bench-db";

export type Part = { table: string; name: string; kind: "constraint" | "index" | "trigger" };
/** Wall time of the COPYs, the Postgres backend's CPU time (null when it cannot be read: not local) and the client's (the bench process streaming the file). */
export type CopyTime = { wallMs: number; cpuMs: number | null; clientCpuMs: number };
export type CopyTables = (without: readonly Part[]) => Promise<CopyTime>;

const TABLES = ["prompt_groups", "prompt_texts", "responses"];

/** Keys and constraints, indexes that back none, and the tables' own (not internal) triggers. */
async function partsOf(db: Database): Promise<Part[]> {
  const { rows } = await db.pool.query<Part>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, 'constraint' AS kind
       FROM pg_constraint c WHERE c.conrelid::regclass::text = ANY($1) AND c.contype IN ('p', 'u', 'f')
     UNION ALL
     SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, 'index'
       FROM pg_index i WHERE i.indrelid::regclass::text = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
     UNION ALL
     SELECT t.tgrelid::regclass::text, t.tgname, 'trigger'
       FROM pg_trigger t WHERE t.tgrelid::regclass::text = ANY($1) AND NOT t.tgisinternal AND t.tgname LIKE '%insert%'
     ORDER BY 1, 3, 2`,
    [TABLES],
  );
  return rows;
}

/** The statement that removes a part inside the timing transaction (rolled back afterwards). */
export function removePart(p: Part): string {
  if (p.kind === "constraint") return `ALTER TABLE ${p.table} DROP CONSTRAINT IF EXISTS ${p.name} CASCADE`;
  if (p.kind === "index") return `DROP INDEX IF EXISTS ${p.name}`;
  return `ALTER TABLE ${p.table} DISABLE TRIGGER ${p.name}`;
}

/**
 * Logs and returns each part's cost at `rows` responses, in seconds of the backend's CPU time (wall time
 * where CPU time cannot be read): on a shared machine CPU time barely moves with the load, wall time
 * does. Each part is timed right after a full COPY and its cost is the difference of the pair.
 */
export async function measureParts(db: Database, copyTables: CopyTables, rows: number): Promise<Record<string, number>> {
  const parts = await partsOf(db);
  const cost = (t: CopyTime) => t.cpuMs ?? t.wallMs;
  const none = await copyTables(parts);
  const unit = none.cpuMs === null ? "wall" : "CPU";
  const costs: Record<string, number> = { none: Number((cost(none) / 1000).toFixed(2)) };
  const fulls: number[] = [];
  const lines: string[] = [];
  for (const p of parts) {
    const full = cost(await copyTables([]));
    fulls.push(full);
    const ms = full - cost(await copyTables([p]));
    costs[`${p.table}.${p.name}`] = Number((ms / 1000).toFixed(2));
    lines.push(
      `  ${`${p.table}.${p.name}`.padEnd(52)} ${p.kind.padEnd(10)} ${seconds(ms).padStart(6)} s  ${((ms / rows) * 1000).toFixed(1)} µs a response`,
    );
  }
  fulls.sort((a, b) => a - b);
  costs.all = Number((fulls[Math.floor(fulls.length / 2)]! / 1000).toFixed(2));
  log(
    `Postgres ${unit} time of the COPY into our tables: ${seconds(costs.all * 1000)} s (median of ${fulls.length}); ` +
      `with no keys, indexes or triggers ${seconds(cost(none))} s; each part's cost:`,
  );
  for (const line of lines) log(line);
  return costs;
}
