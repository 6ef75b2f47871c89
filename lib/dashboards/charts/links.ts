/** Filters of the pairs table, in the URL parameters it reads. */
export type PairsLinkFilter = {
  lang?: string;
  status?: string;
  origin?: string;
  minMargin?: number;
  maxMargin?: number;
  flags?: string[];
  sort?: string;
};

/** `/datasets/<slug>/pairs?…`; numbers are written so that they parse back to the same double. */
export function pairsHref(slug: string, f: PairsLinkFilter = {}): string {
  const q = new URLSearchParams();
  if (f.lang) q.set("lang", f.lang);
  if (f.status) q.set("status", f.status);
  if (f.origin) q.set("origin", f.origin);
  if (f.minMargin !== undefined) q.set("minMargin", String(f.minMargin));
  if (f.maxMargin !== undefined) q.set("maxMargin", String(f.maxMargin));
  if (f.flags?.length) q.set("flags", f.flags.join(","));
  if (f.sort) q.set("sort", f.sort);
  const s = q.toString();
  return `/datasets/${encodeURIComponent(slug)}/pairs${s ? `?${s}` : ""}`;
}
