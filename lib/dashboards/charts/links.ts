import { pairsFilterParams, type PairsUrlFilter } from "@/lib/pairs-url";

/** Filters of the pairs table, in the URL parameters it reads. */
export type PairsLinkFilter = PairsUrlFilter & { sort?: string };

/** `/datasets/<slug>/pairs?…`. */
export function pairsHref(slug: string, f: PairsLinkFilter = {}): string {
  const q = pairsFilterParams(f);
  if (f.sort) q.set("sort", f.sort);
  const s = q.toString();
  return `/datasets/${encodeURIComponent(slug)}/pairs${s ? `?${s}` : ""}`;
}
