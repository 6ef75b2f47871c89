import type { Database } from "@/lib/db/client";
import { z } from "zod";
import { join, queryOne, queryRows, queryTrusted, raw, sql } from "@/lib/db/sql";
import { autoProposalJoin, proposalColumns } from "@/lib/effective-pair/auto-proposal";
import { effectiveReferenceJoin } from "@/lib/effective-pair/reference-in-effect";
import type { EffectivePairState } from "@/lib/effective-pair/pair-state";
import { branchOrder, filterConditions, keysetBranches, matchSql, pageOrder } from "./filter-sql";
import type { Consensus } from "@/lib/pipeline/consensus";
import type { Cursor, PairFilter, PairTableParams, SortColumn } from "./table";

export type PairStatusCounts = { proposed: number; accepted: number; rejected: number; skipped: number; conflicts: number; human: number };

/** Effective pairs per language and status (the materialised `pairs` table). */
export async function pairCountsByLanguage(db: Database, datasetId: number): Promise<Record<string, PairStatusCounts>> {
  const rows = await queryRows(
    db.pool,
    sql`SELECT language, status::text, count(*)::int AS n, count(*) FILTER (WHERE conflict)::int AS conflicts,
               count(*) FILTER (WHERE origin = 'human')::int AS human
        FROM pairs WHERE dataset_id = ${datasetId} GROUP BY language, status ORDER BY language, status`,
    z.object({ language: z.string(), status: z.string(), n: z.number(), conflicts: z.number(), human: z.number() }),
  );
  const out: Record<string, PairStatusCounts> = {};
  for (const r of rows) {
    const c = (out[r.language] ??= { proposed: 0, accepted: 0, rejected: 0, skipped: 0, conflicts: 0, human: 0 });
    c[r.status as "proposed"] = r.n;
    c.conflicts += r.conflicts;
    c.human += r.human;
  }
  return out;
}

/** A row of the pairs table: the pair's state (its responses' ids left out) with where it stands and its review. */
export type PairRow = Omit<EffectivePairState, "chosenId" | "rejectedId"> & {
  id: number;
  groupId: number;
  externalId: string;
  cons: number | null;
  /** Team review: the consensus of the pair's votes and how many were cast. */
  consensus: Consensus;
  votes: number;
  prompt: string | null;
  /** With a search: where the term was found, and the text around it. */
  match: SearchMatch | null;
};

export type SearchMatch = { in: "prompt" | "chosen" | "rejected"; snippet: string; cutStart: boolean; cutEnd: boolean };

export type PairPage = { rows: PairRow[]; next: Cursor | null };

const SNIPPET = 120;
const ZCount = z.object({ n: z.number() });

/**
 * One page of effective pairs with keyset pagination on (sort value, id). Text never leaves the
 * database on this path except a short snippet of the pair's prompt.
 */
export async function listPairs(
  db: Database,
  datasetId: number,
  t: Pick<PairTableParams, keyof PairFilter | "sort" | "dir" | "after" | "size">,
): Promise<PairPage> {
  const { withHits, where } = filterConditions(datasetId, t);
  const limit = t.size + 1;
  const inBranch = branchOrder(t.sort, t.dir);
  const branches = keysetBranches(t.sort, t.dir, t.after ?? null).map(
    (b) => sql`(SELECT p.* FROM pairs p WHERE ${where} AND ${b} ORDER BY ${inBranch} LIMIT ${limit})`,
  );
  const rows = await queryTrusted<PairRow>(
    db.pool,
    sql`${withHits}SELECT p.id, p.group_id AS "groupId", g.external_id AS "externalId", p.language, p.status::text, p.origin::text, p.margin,
               p.score_chosen AS "scoreChosen", p.score_rejected AS "scoreRejected", p.conflict, p.off_target AS "offTarget",
               p.skip_reason AS "skipReason", p.flagged, p.flag_reason AS "flagReason", p.version,
               p.consensus, p.votes,
               eref.cons, ${proposalColumns("p")},
               (SELECT left(pt.text, ${raw(String(SNIPPET))}) FROM prompt_texts pt WHERE pt.group_id = p.group_id AND pt.language = p.language) AS prompt,
               ${t.q ? matchSql(t.q) : sql`NULL`} AS match
        FROM (SELECT * FROM (${join(branches, " UNION ALL ")}) u ORDER BY ${pageOrder(t.sort, t.dir, "u")} LIMIT ${limit}) p
        JOIN prompt_groups g ON g.id = p.group_id
        ${effectiveReferenceJoin("p")}
        ${autoProposalJoin("p")}
        ORDER BY ${pageOrder(t.sort, t.dir)}`,
  );
  const more = rows.length > t.size;
  const page = more ? rows.slice(0, t.size) : rows;
  const last = page.at(-1);
  return { rows: page, next: more && last ? { value: sortValue(last, t.sort), id: last.id } : null };
}

function sortValue(row: PairRow, sort: SortColumn): number | null {
  switch (sort) {
    case "margin":
      return row.margin;
    case "scoreChosen":
      return row.scoreChosen;
    case "scoreRejected":
      return row.scoreRejected;
    case "group":
      return row.groupId;
    case "id":
      return row.id;
  }
}

/**
 * How many pairs match the filter (for the table header and bulk confirmation). With `cap`, counting
 * stops after cap + 1 rows, so a page over a huge filter result stays a bounded index scan; a
 * result above `cap` means "more than cap".
 */
export async function countPairs(db: Database, datasetId: number, f: PairFilter, cap?: number): Promise<number> {
  const { withHits, where } = filterConditions(datasetId, f);
  const query =
    cap === undefined
      ? sql`${withHits}SELECT count(*)::int AS n FROM pairs p WHERE ${where}`
      : sql`${withHits}SELECT count(*)::int AS n FROM (SELECT 1 FROM pairs p WHERE ${where} LIMIT ${cap + 1}) capped`;
  return (await queryOne(db.pool, query, ZCount)).n;
}
