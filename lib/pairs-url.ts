/** The filters of the pairs table as its URL carries them: the table and queue links and the dashboards' links write them here. */
export type PairsUrlFilter = {
  lang?: string;
  status?: string;
  origin?: string;
  minMargin?: number;
  maxMargin?: number;
  flags?: readonly string[];
};

/** URL parameters of the filters that are set; numbers are written so that they parse back to the same double. */
export function pairsFilterParams(f: PairsUrlFilter): URLSearchParams {
  const q = new URLSearchParams();
  if (f.lang) q.set("lang", f.lang);
  if (f.status) q.set("status", f.status);
  if (f.origin) q.set("origin", f.origin);
  if (f.minMargin !== undefined) q.set("minMargin", String(f.minMargin));
  if (f.maxMargin !== undefined) q.set("maxMargin", String(f.maxMargin));
  if (f.flags?.length) q.set("flags", f.flags.join(","));
  return q;
}
