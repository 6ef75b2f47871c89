import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_ID } from "@/lib/input-limits";

/** Opaque page cursors: base64url JSON of the last row's sort key, handed back as `nextCursor`. */
export function encodeApiCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeApiCursor<S extends z.ZodType>(raw: string, schema: S): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError(
      "BAD_INPUT",
      "cursor: not a cursor returned by this endpoint (use nextCursor of the previous page, with the same sort)",
    );
  return parsed.data;
}

export const API_PAGE = { min: 1, max: 200, default: 50 } as const;

/** `limit` as a query parameter: 1–200, default 50. */
export const ZLimit = z.coerce
  .number({ error: `must be an integer from ${API_PAGE.min} to ${API_PAGE.max}` })
  .int(`must be an integer from ${API_PAGE.min} to ${API_PAGE.max}`)
  .min(API_PAGE.min, `must be an integer from ${API_PAGE.min} to ${API_PAGE.max}`)
  .max(API_PAGE.max, `must be an integer from ${API_PAGE.min} to ${API_PAGE.max}`)
  .default(API_PAGE.default);

/** Cursor over rows in id order. */
export const ZIdKey = z.object({ id: z.number().int().nonnegative().max(MAX_ID) }).strict();

/** A page of results and where the next one starts (null: this was the last page). */
export type ApiPage<T> = { data: T[]; nextCursor: string | null };

/** Cuts a page fetched with `limit + 1` rows into the page and the next cursor. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => unknown): ApiPage<T> {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, nextCursor: more ? encodeApiCursor(keyOf(data.at(-1)!)) : null };
}
