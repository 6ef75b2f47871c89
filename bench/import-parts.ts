// `npm run bench -- import --parts`: where the time of the COPY into our tables goes. Each part (an index,
// a key, a foreign key, a statement trigger of prompt_groups, prompt_texts or responses) is dropped or
// disabled in a transaction that COPYs the same finished rows and rolls back, so its cost is the full
// COPY's time minus the COPY's time without it; "none" drops every part at once. A dropped primary key
// takes the foreign keys that reference it along (CASCADE), so its cost includes theirs.
import type { Database } from "@/lib/db/client";
import { log, seconds } from "./bench-db";

export type Part = { table: string; name: string; kind: "constraint" | "index" | "trigger" };
export type CopyTables = (without: readonly Part[]) => Promise<number>;

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
 * Logs and returns each part's cost (seconds of COPY time) at `rows` responses. Each part is timed right
 * after a full COPY and its cost is the difference of the pair, so a machine that slows down or speeds
 * up during the measurement shifts both sides alike.
 */
export async function measureParts(db: Database, copyTables: CopyTables, rows: number): Promise<Record<string, number>> {
  const parts = await partsOf(db);
  const none = await copyTables(parts);
  const costs: Record<string, number> = { none: Number((none / 1000).toFixed(2)) };
  const fulls: number[] = [];
  const lines: string[] = [];
  for (const p of parts) {
    const full = await copyTables([]);
    fulls.push(full);
    const ms = full - (await copyTables([p]));
    costs[`${p.table}.${p.name}`] = Number((ms / 1000).toFixed(2));
    lines.push(
      `  ${`${p.table}.${p.name}`.padEnd(52)} ${p.kind.padEnd(10)} ${seconds(ms).padStart(6)} s  ${((ms / rows) * 1000).toFixed(1)} µs a response`,
    );
  }
  const full = Math.min(...fulls);
  costs.all = Number((full / 1000).toFixed(2));
  log(
    `COPY into our tables ${seconds(full)} s (fastest of ${fulls.length}); with no keys, indexes or triggers ${seconds(none)} s; each part's cost:`,
  );
  for (const line of lines) log(line);
  return costs;
}
