import type { Pool, PoolClient } from "pg";

/** True on PGlite: one session shared by every connection (a reader waits for the transaction under way), and no COPY over its socket. */
export async function isPGlite(client: Pool | PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ v: string }>(`SELECT version() AS v`);
  return rows[0]!.v.includes("PGlite");
}

const known = new WeakMap<Pool, Promise<boolean>>();

/** isPGlite for a pool, asked once per pool. */
export function sharesOneSession(pool: Pool): Promise<boolean> {
  let answer = known.get(pool);
  if (answer === undefined) known.set(pool, (answer = isPGlite(pool)));
  return answer;
}
