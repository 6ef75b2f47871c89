/**
 * A new query string from the current one with some keys set or removed (undefined or "" removes);
 * empty parameters already in the URL (a plain GET form sends every field) are dropped too.
 */
export function withParams(current: URLSearchParams | { toString(): string }, changes: Record<string, string | undefined>): string {
  const q = withoutEmpty(new URLSearchParams(current.toString()));
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : "?";
}

/** The same parameters without those whose value is empty (`lang=&status=`). */
export function withoutEmpty(params: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...params].filter(([, v]) => v !== ""));
}
