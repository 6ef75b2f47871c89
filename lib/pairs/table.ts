import { z } from "zod";
import { hasNul, MAX_ID } from "@/lib/input-limits";
import { pairsFilterParams } from "@/lib/pairs-url";
import { CONSENSUS_VALUES, LOW_CONS, PAIR_FLAGS, SORT_COLUMNS, type PairFlag, type SortColumn } from "./constants";

export { CONSENSUS_VALUES, LOW_CONS, PAIR_FLAGS, SORT_COLUMNS, type PairFlag, type SortColumn };

const PAGE_SIZES = { min: 5, max: 200, default: 50 } as const;

type Raw = Record<string, string | string[] | undefined>;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => {
  const s = one(v);
  return typeof s === "string" && s.trim() === "" ? undefined : s;
};
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional()).catch(undefined);
const list = (v: unknown) =>
  (Array.isArray(v) ? v : typeof v === "string" ? [v] : [])
    .flatMap((s: string) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);

/** Filters shared by the pairs table, the review queue and bulk actions; all live in the URL. */
export const ZPairFilter = z.object({
  lang: opt(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)),
  status: opt(z.enum(["proposed", "accepted", "rejected", "skipped"])),
  origin: opt(z.enum(["auto", "human"])),
  minMargin: opt(z.coerce.number().finite()),
  maxMargin: opt(z.coerce.number().finite()),
  flags: z.preprocess(list, z.array(z.enum(PAIR_FLAGS))).catch([]),
  /** Team-review consensus, any of these (absent or empty: any). */
  consensus: z
    .preprocess(list, z.array(z.enum(CONSENSUS_VALUES)))
    .catch([])
    .optional(),
  q: opt(
    z
      .string()
      .max(200)
      .refine((s) => !hasNul(s))
      .transform((s) => s.trim()),
  ),
});
export type PairFilter = z.infer<typeof ZPairFilter>;

export type Cursor = { value: number | null; id: number };

export const ZPairTableParams = ZPairFilter.extend({
  sort: z.preprocess(one, z.enum(SORT_COLUMNS)).catch("margin"),
  dir: z.preprocess(one, z.enum(["asc", "desc"])).catch("asc"),
  after: z.preprocess(one, z.string().transform(decodeCursor)).catch(null),
  size: z.preprocess(one, z.coerce.number().int().min(PAGE_SIZES.min).max(PAGE_SIZES.max)).catch(PAGE_SIZES.default),
  hide: z.preprocess(list, z.array(z.string().regex(/^[A-Za-z]+$/))).catch([]),
});
export type PairTableParams = z.infer<typeof ZPairTableParams>;

export function parsePairTableParams(raw: Raw): PairTableParams {
  return ZPairTableParams.parse(raw);
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.value, c.id])).toString("base64url");
}

function decodeCursor(s: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [value, id] = v as unknown[];
    if (!Number.isInteger(id) || (id as number) < 0 || (id as number) > MAX_ID) return null;
    if (value !== null && (typeof value !== "number" || !Number.isFinite(value))) return null;
    return { value: value as number | null, id: id as number };
  } catch {
    return null;
  }
}

/** The URL query for a table/queue state; defaults are left out so links stay short. */
export function toQuery(p: Partial<PairTableParams> & { at?: number | null }): string {
  const q = pairsFilterParams(p);
  if (p.consensus?.length) q.set("consensus", p.consensus.join(","));
  if (p.q) q.set("q", p.q);
  if (p.sort && p.sort !== "margin") q.set("sort", p.sort);
  if (p.dir && p.dir !== "asc") q.set("dir", p.dir);
  if (p.size && p.size !== PAGE_SIZES.default) q.set("size", String(p.size));
  if (p.hide?.length) q.set("hide", p.hide.join(","));
  if (p.after) q.set("after", encodeCursor(p.after));
  if (p.at) q.set("at", String(p.at));
  return q.toString();
}

export function filterOf(p: PairFilter): PairFilter {
  const { lang, status, origin, minMargin, maxMargin, flags, consensus, q } = p;
  return { lang, status, origin, minMargin, maxMargin, flags, consensus, q };
}
