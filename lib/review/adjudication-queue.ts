import { z } from "zod";
import { queryOne, queryRows, type Queryable, sql } from "@/lib/db/sql";
import type { Preference } from "@/lib/pipeline/consensus";
import { toPreference } from "./cast-vote";
import type { ShownResponse } from "./claim-next-pair";

export type DisputedVote = {
  reviewer: string | null;
  preferred: Preference;
  reason: string | null;
  seconds: number | null;
  createdAt: Date;
};
/** The adjudication page shows a response in its pair's language: no detection is read. */
export type DisputedResponse = Omit<ShownResponse, "detectedLanguage">;
export type DisputedPair = {
  pairId: number;
  groupId: number;
  lang: string;
  prompt: string;
  margin: number | null;
  /** The pair as it stands (a disputed pair keeps the method's): its chosen and rejected responses. */
  chosen: DisputedResponse;
  rejected: DisputedResponse;
  votes: number;
  /** Share of the votes on the most common preference: the pair's agreement. */
  topShare: number;
  ballots: DisputedVote[];
};

const ZBallot = z.object({
  reviewer: z.string().nullable(),
  verdict: z.string(),
  preferredId: z.number().nullable(),
  reason: z.string().nullable(),
  seconds: z.number().nullable(),
  createdAt: z.coerce.date(),
});

const ZDisputed = z.object({
  pairId: z.number(),
  groupId: z.number(),
  lang: z.string(),
  prompt: z.string().nullable(),
  margin: z.number().nullable(),
  chosenId: z.number(),
  chosenText: z.string(),
  rejectedId: z.number(),
  rejectedText: z.string(),
  votes: z.number(),
  topShare: z.number(),
  ballots: z.array(ZBallot),
});

// A dispute needs two different preferences, so at least two votes: the condition lets the read
// use the queue's (dataset_id, votes, id) index instead of scanning every pair of the dataset.
const disputed = (datasetId: number) => sql`p.dataset_id = ${datasetId} AND p.votes >= 2 AND p.consensus = 'disputed'`;

/**
 * The adjudication queue: disputed pairs, lowest agreement (share of the most common preference)
 * first, with the prompt, both responses and every vote (reviewer, reason, seconds taken).
 */
export async function listDisputedPairs(db: Queryable, datasetId: number, limit = 50): Promise<DisputedPair[]> {
  const rows = await queryRows(
    db,
    sql`SELECT p.id AS "pairId", p.group_id AS "groupId", p.language AS lang, pt.text AS prompt, p.margin, p.votes,
               c.id AS "chosenId", c.text AS "chosenText", r.id AS "rejectedId", r.text AS "rejectedText",
               (SELECT max(n)::float8 / nullif(p.votes, 0) FROM (SELECT count(*) AS n FROM review_votes v WHERE v.pair_id = p.id
                 GROUP BY v.verdict, v.preferred_id) t) AS "topShare",
               (SELECT json_agg(json_build_object('reviewer', u.email, 'verdict', v.verdict, 'preferredId', v.preferred_id,
                                                  'reason', v.reason, 'seconds', v.seconds, 'createdAt', v.created_at) ORDER BY v.id)
                FROM review_votes v LEFT JOIN users u ON u.id = v.user_id WHERE v.pair_id = p.id) AS ballots
        FROM pairs p
        JOIN responses c ON c.id = p.chosen_id
        JOIN responses r ON r.id = p.rejected_id
        LEFT JOIN prompt_texts pt ON pt.group_id = p.group_id AND pt.language = p.language
        WHERE ${disputed(datasetId)}
        ORDER BY "topShare", p.id
        LIMIT ${limit}`,
    ZDisputed,
  );
  return rows.map((r) => ({
    pairId: r.pairId,
    groupId: r.groupId,
    lang: r.lang,
    prompt: r.prompt ?? "",
    margin: r.margin,
    chosen: { responseId: r.chosenId, text: r.chosenText },
    rejected: { responseId: r.rejectedId, text: r.rejectedText },
    votes: r.votes,
    topShare: r.topShare,
    ballots: r.ballots.map((b) => ({
      reviewer: b.reviewer,
      preferred: toPreference(b.verdict, b.preferredId),
      reason: b.reason,
      seconds: b.seconds,
      createdAt: b.createdAt,
    })),
  }));
}

/** How many pairs of the dataset wait for adjudication. */
export async function countDisputedPairs(db: Queryable, datasetId: number): Promise<number> {
  const row = await queryOne(db, sql`SELECT count(*)::int AS n FROM pairs p WHERE ${disputed(datasetId)}`, z.object({ n: z.number() }));
  return row.n;
}
