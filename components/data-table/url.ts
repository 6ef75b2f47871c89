/** A new query string from the current one with some keys set or removed (undefined removes). */
export function withParams(current: URLSearchParams | { toString(): string }, changes: Record<string, string | undefined>): string {
  const q = new URLSearchParams(current.toString());
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : "?";
}
