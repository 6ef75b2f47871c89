import { z } from "zod";
import { listPairs } from "@/lib/pairs/queries";
import { MAX_ID } from "@/lib/input-limits";
import { CONSENSUS_VALUES, encodeCursor, PAIR_FLAGS, SORT_COLUMNS } from "@/lib/pairs/table";
import { decodeApiCursor, ZLimit } from "../../../_lib/cursor";
import { withApiDataset } from "../../../_lib/guard";
import { json, parseQuery } from "../../../_lib/http";

export const dynamic = "force-dynamic";

/** `a,b`: a comma-separated list of known values; absent means any. */
const commaList = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `${what} must be one of ${values.join(", ")}` })))
    .default([]);

const number = z.coerce.number({ error: "must be a number" }).finite("must be a finite number");

/** The pairs table's filters, strictly: a misspelt or malformed parameter is a 400 naming it. */
const ZQuery = z.strictObject({
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language code such as de or zh-Hant")
    .optional(),
  status: z.enum(["proposed", "accepted", "rejected", "skipped"], { error: "must be proposed, accepted, rejected or skipped" }).optional(),
  origin: z.enum(["auto", "human"], { error: "must be auto or human" }).optional(),
  minMargin: number.optional(),
  maxMargin: number.optional(),
  flags: commaList(PAIR_FLAGS, "each flag"),
  consensus: commaList(CONSENSUS_VALUES, "each consensus value"),
  q: z
    .string()
    .max(200, "at most 200 characters")
    .transform((s) => s.trim())
    .optional(),
  sort: z.enum(SORT_COLUMNS, { error: `must be one of ${SORT_COLUMNS.join(", ")}` }).default("id"),
  dir: z.enum(["asc", "desc"], { error: "must be asc or desc" }).default("asc"),
  cursor: z.string().optional(),
  limit: ZLimit,
});

/** The pairs table's cursor: [sort value of the last row, its id]. */
const ZPairKey = z.tuple([z.number().finite().nullable(), z.number().int().nonnegative().max(MAX_ID)]);

/**
 * GET /api/v1/datasets/{slug}/pairs: effective pairs, filtered like the pairs table, in `sort` order
 * (default id) with keyset pages; pass `nextCursor` back as `cursor` with the same filters and sort.
 */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "read", async ({ db, dataset }) => {
    const { cursor, limit, q, ...filter } = parseQuery(request, ZQuery);
    const after = cursor === undefined ? null : decodeApiCursor(cursor, ZPairKey);
    const page = await listPairs(db, dataset.id, {
      ...filter,
      q: q === "" ? undefined : q,
      after: after && { value: after[0], id: after[1] },
      size: limit,
    });
    return json({ data: page.rows, nextCursor: page.next ? encodeCursor(page.next) : null });
  });
}
