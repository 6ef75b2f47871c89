const FALLBACK = "/datasets";
const PROBE_ORIGIN = "http://next-path.invalid";

/**
 * Where to go after signing in: a path on this site, never another origin. The value is resolved the
 * way a browser resolves a link (tabs, CR and LF dropped, `\` read as `/`, dot segments removed), and
 * anything that lands on another origin, or whose path would start with `//` (protocol-relative), is
 * replaced by the datasets page. The result contains no control characters (they are percent-encoded).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/")) return FALLBACK;
  let url: URL;
  try {
    url = new URL(next, `${PROBE_ORIGIN}/`);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PROBE_ORIGIN) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return /^\/(?![/\\])/.test(path) ? path : FALLBACK;
}
