import { z } from "zod";
import { queryMaybeOne, type Queryable, sql } from "@/lib/db/sql";
import type { Reviewer } from "./claim-next-pair";

/** A user as the queue sees them: their review languages (empty = every language). */
export async function reviewerOf(db: Queryable, userId: number): Promise<Reviewer> {
  const row = await queryMaybeOne(
    db,
    sql`SELECT coalesce(review_languages, ARRAY[]::text[]) AS languages FROM users WHERE id = ${userId}`,
    z.object({ languages: z.array(z.string()) }),
  );
  return { userId, languages: row?.languages ?? [] };
}
