import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { empty, queryMaybeOne, type Queryable, type Sql, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { firstUnlocked } from "@/lib/jobs/first-unlocked";
import { getReviewPlan } from "./review-plan";
import type { ReviewPlan } from "./schemas";

export type Reviewer = { userId: number /** Empty = every language. */; languages: readonly string[] };

/** A response as the queue shows it; `detectedLanguage` is null where detection found none. */
export type ShownResponse = { responseId: number; text: string; detectedLanguage: string | null };

export type LeasedPair = {
  lease: { id: number; expiresAt: Date };
  pair: {
    id: number;
    lang: string;
    prompt: string;
    a: ShownResponse;
    b: ShownResponse;
  };
  /** Only outside blind mode: what the method proposed. */
  method: { chosenId: number; rejectedId: number; scoreChosen: number | null; scoreRejected: number | null; margin: number | null } | null;
};

/** A claim that lost a race for its pair finds nothing; the next attempt picks another pair. */
const CLAIM_ATTEMPTS = 8;

function orderBy(plan: ReviewPlan): Sql {
  if (plan.order === "low-margin") return sql`ORDER BY p.margin ASC NULLS LAST, p.id`;
  return sql`ORDER BY p.votes, p.id`;
}

/** `random`: start at a random pair id and wrap around, so reviewers spread without sorting the dataset. */
function randomStart(plan: ReviewPlan, attempt: number): { from: number; wrap: boolean } | null {
  if (plan.order !== "random") return null;
  return { from: randomInt(0, 2 ** 31 - 1), wrap: attempt % 2 === 1 };
}

/**
 * The pairs (as `p`) this reviewer could be handed now, in their languages or in `lang`;
 * `passOver`: pairs they skipped in this sitting (not handed back to them again now).
 */
function claimable(datasetId: number, reviewer: Reviewer, lang: string | null, plan: ReviewPlan, passOver: readonly number[]): Sql {
  const langs = lang ? [lang] : reviewer.languages;
  return sql`p.dataset_id = ${datasetId}
    AND p.chosen_id IS NOT NULL AND p.rejected_id IS NOT NULL AND p.status <> 'skipped'
    AND p.votes < ${plan.votesPerPair} AND p.consensus <> 'adjudicated'
    AND (cardinality(${langs}::text[]) = 0 OR p.language = ANY(${langs}::text[]))
    AND NOT (p.id = ANY(${passOver}::int[]))
    AND NOT EXISTS (SELECT 1 FROM review_votes v WHERE v.pair_id = p.id AND v.user_id = ${reviewer.userId})
    AND NOT EXISTS (SELECT 1 FROM review_leases l WHERE l.pair_id = p.id AND l.expires_at > LOCALTIMESTAMP)`;
}

async function claimOnce(
  tx: Queryable,
  datasetId: number,
  reviewer: Reviewer,
  lang: string | null,
  plan: ReviewPlan,
  attempt: number,
  passOver: readonly number[],
) {
  const start = randomStart(plan, attempt);
  const seed = randomInt(0, 2 ** 31 - 1);
  return queryMaybeOne(
    tx,
    sql`WITH pick AS (
          ${firstUnlocked(sql`SELECT p.id, p.chosen_id, p.rejected_id FROM pairs p
            WHERE ${claimable(datasetId, reviewer, lang, plan, passOver)}
              ${start ? (start.wrap ? sql`AND p.id < ${start.from}` : sql`AND p.id >= ${start.from}`) : empty}
            ${start ? sql`ORDER BY p.id` : orderBy(plan)}`)}
        )
        INSERT INTO review_leases (dataset_id, pair_id, user_id, seed, first_shown_id, expires_at)
        SELECT ${datasetId}, pick.id, ${reviewer.userId}, ${seed},
               CASE WHEN ${plan.blind} AND ${seed} % 2 = 1 THEN pick.rejected_id ELSE pick.chosen_id END,
               LOCALTIMESTAMP + make_interval(mins => ${plan.leaseMinutes})
        FROM pick
        ON CONFLICT (pair_id) DO UPDATE
          SET id = nextval(pg_get_serial_sequence('review_leases', 'id')), user_id = EXCLUDED.user_id, seed = EXCLUDED.seed,
              first_shown_id = EXCLUDED.first_shown_id, expires_at = EXCLUDED.expires_at,
              heartbeat_at = LOCALTIMESTAMP, created_at = LOCALTIMESTAMP
          WHERE review_leases.expires_at <= LOCALTIMESTAMP
        RETURNING id, pair_id AS "pairId", expires_at AS "expiresAt"`,
    z.object({ id: z.number(), pairId: z.number(), expiresAt: z.date() }),
  );
}

const ZLeasedRow = z.object({
  lang: z.string(),
  prompt: z.string().nullable(),
  chosenId: z.number(),
  rejectedId: z.number(),
  chosenText: z.string(),
  rejectedText: z.string(),
  chosenDetected: z.string().nullable(),
  rejectedDetected: z.string().nullable(),
  firstShownId: z.number(),
  scoreChosen: z.number().nullable(),
  scoreRejected: z.number().nullable(),
  margin: z.number().nullable(),
});

async function leasedPair(tx: Queryable, leaseId: number, pairId: number, expiresAt: Date, blind: boolean): Promise<LeasedPair> {
  const row = await queryMaybeOne(
    tx,
    sql`SELECT p.language AS lang, pt.text AS prompt, p.chosen_id AS "chosenId", p.rejected_id AS "rejectedId",
               c.text AS "chosenText", r.text AS "rejectedText",
               c.detected_language AS "chosenDetected", r.detected_language AS "rejectedDetected", l.first_shown_id AS "firstShownId",
               p.score_chosen AS "scoreChosen", p.score_rejected AS "scoreRejected", p.margin
        FROM pairs p
        JOIN review_leases l ON l.id = ${leaseId}
        JOIN responses c ON c.id = p.chosen_id
        JOIN responses r ON r.id = p.rejected_id
        LEFT JOIN prompt_texts pt ON pt.group_id = p.group_id AND pt.language = p.language
        WHERE p.id = ${pairId}`,
    ZLeasedRow,
  );
  if (!row) throw new Error(`lease ${leaseId} names pair ${pairId}, which has no responses`);
  const chosen = { responseId: row.chosenId, text: row.chosenText, detectedLanguage: row.chosenDetected };
  const rejected = { responseId: row.rejectedId, text: row.rejectedText, detectedLanguage: row.rejectedDetected };
  const chosenFirst = row.firstShownId === row.chosenId;
  return {
    lease: { id: leaseId, expiresAt },
    pair: { id: pairId, lang: row.lang, prompt: row.prompt ?? "", a: chosenFirst ? chosen : rejected, b: chosenFirst ? rejected : chosen },
    method: blind
      ? null
      : {
          chosenId: row.chosenId,
          rejectedId: row.rejectedId,
          scoreChosen: row.scoreChosen,
          scoreRejected: row.scoreRejected,
          margin: row.margin,
        },
  };
}

/**
 * Leases the reviewer the next pair of the dataset in their languages (or in `lang`): never a pair
 * another reviewer holds, one they already voted on, one with enough votes, or an adjudicated one.
 * The reviewer's other leases in the dataset end (they moved on). null = nothing left for them.
 * `passOver`: pairs the reviewer skipped in this sitting (not handed back to them again now).
 */
export async function claimNextPair(
  db: Pick<Database, "pool">,
  datasetId: number,
  reviewer: Reviewer,
  lang: string | null = null,
  passOver: readonly number[] = [],
): Promise<LeasedPair | null> {
  if (lang !== null && reviewer.languages.length > 0 && !reviewer.languages.includes(lang)) {
    throw new AppError("FORBIDDEN", `lang: you review ${reviewer.languages.join(", ")}, not ${lang}`);
  }
  const plan = await getReviewPlan(db.pool, datasetId);
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const claimed = await withTransaction(db, async (tx) => {
      await tx.query(sql`DELETE FROM review_leases WHERE dataset_id = ${datasetId} AND user_id = ${reviewer.userId}`);
      const lease = await claimOnce(tx, datasetId, reviewer, lang, plan, attempt, passOver);
      return lease ? leasedPair(tx, lease.id, lease.pairId, lease.expiresAt, plan.blind) : null;
    });
    if (claimed) return claimed;
    if (!(await anyLeft(db.pool, datasetId, reviewer, lang, plan, passOver))) return null;
  }
  return null;
}

/** Whether a pair could still be claimed by this reviewer (so a lost race is worth another attempt). */
async function anyLeft(
  db: Queryable,
  datasetId: number,
  reviewer: Reviewer,
  lang: string | null,
  plan: ReviewPlan,
  passOver: readonly number[],
): Promise<boolean> {
  const row = await queryMaybeOne(
    db,
    sql`SELECT 1 AS one FROM pairs p WHERE ${claimable(datasetId, reviewer, lang, plan, passOver)} LIMIT 1`,
    z.object({ one: z.number() }),
  );
  return row !== null;
}
