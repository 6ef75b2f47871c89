import { expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { indexPendingResponses } from "@/lib/search/index-pending";
import { searchFixture } from "@/lib/testing/search-fixture";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { listPairs } from "./queries";
import { parsePairTableParams } from "./table";

// The plan of a searched pairs page: at 10M pairs each trigram scan reads ~25 ms of posting lists and
// a parallel bitmap heap scan costs more to start than the few rows it reads, so the page's statement
// scans each trigram index once (not once per keyset branch) and never in parallel.

const t = databaseForThisFile();
const { q, addDataset, responseRows, insertResponses } = searchFixture(() => t.db);

/** The text and values of every statement `work` sends through the pool. */
async function statementsOf(work: (db: Database) => Promise<unknown>): Promise<{ text: string; values: unknown[] }[]> {
  const seen: { text: string; values: unknown[] }[] = [];
  const pool = new Proxy(t.db.pool, {
    get(target, prop, receiver) {
      if (prop !== "query") return Reflect.get(target, prop, receiver);
      return (query: { text: string; values: unknown[] }) => {
        seen.push(query);
        return target.query(query);
      };
    },
  });
  await work({ ...t.db, pool });
  return seen;
}

async function fixture(): Promise<number> {
  const { datasetId, groupId } = await addDataset(`plan${++datasets}`);
  const [chosen, rejected] = await insertResponses(responseRows(datasetId, groupId, ["needle one", "needle two", "other"]));
  await q(`INSERT INTO prompt_texts (dataset_id, group_id, language, text) VALUES ($1, $2, 'de', 'a needle prompt')`, [datasetId, groupId]);
  await q(
    `INSERT INTO pairs (dataset_id, group_id, language, chosen_id, rejected_id, margin, status, origin)
     VALUES ($1, $2, 'de', $3, $4, 0.5, 'proposed', 'auto')`,
    [datasetId, groupId, chosen, rejected],
  );
  await indexPendingResponses(t.db, { datasetId });
  return datasetId;
}
let datasets = 0;

/** EXPLAIN of `text` on a connection where `settings` hold. */
async function planOf(text: string, values: unknown[], settings: string[] = []): Promise<string> {
  const client = await t.db.pool.connect();
  try {
    for (const setting of settings) await client.query(`SET ${setting}`);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (COSTS OFF) ${text}`, values);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.query("RESET ALL");
    client.release();
  }
}

it("a searched page reads the search copy once, not once per keyset branch", async () => {
  const datasetId = await fixture();
  // Sorted by margin the page has two keyset branches (scored pairs, then unscored ones).
  const f = parsePairTableParams({ q: "needle", sort: "margin", size: "50" });
  const [page] = await statementsOf((db) => listPairs(db, datasetId, f));
  expect((await listPairs(t.db, datasetId, f)).rows).toHaveLength(1);
  const plan = await planOf(page!.text, page!.values);
  expect(plan.match(/ on response_search_texts s(_\d+)?\b/g)).toHaveLength(1);
});

it("the search tables are never scanned in parallel, even where parallel plans cost nothing", async () => {
  const datasetId = await fixture();
  // Parallel plans made free and the indexes unusable: only the tables' own setting keeps a scan serial.
  const free = [
    "parallel_setup_cost = 0",
    "parallel_tuple_cost = 0",
    "min_parallel_table_scan_size = 0",
    "enable_indexscan = off",
    "enable_bitmapscan = off",
  ];
  for (const table of ["response_search_texts", "prompt_texts"]) {
    const plan = await planOf(`SELECT group_id FROM ${table} WHERE dataset_id = $1 AND text ILIKE '%needle%'`, [datasetId], free);
    expect(plan).not.toMatch(/Parallel|Gather/);
  }
  // The same settings do plan a parallel scan of a table without the setting, where the engine can run one.
  const parallel = (await q<{ n: number }>(`SELECT current_setting('max_parallel_workers_per_gather')::int AS n`))[0]!.n > 0;
  const pairsPlan = await planOf(`SELECT id FROM pairs WHERE dataset_id = $1 AND chosen_id > 0`, [datasetId], free);
  expect(/Parallel/.test(pairsPlan)).toBe(parallel);
});
