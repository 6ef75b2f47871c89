/** Rewords a V8 JSON.parse error: position → 1-based column, source excerpt removed. */
export function describeJsonError(error: unknown, text: string): string {
  const raw = error instanceof Error ? error.message : String(error);
  if (/Unexpected end of JSON input/.test(raw)) {
    return `invalid JSON at column ${text.length + 1}: unexpected end of line`;
  }
  const position = /at position (\d+)/.exec(raw);
  let reason = raw
    .replace(/ (?:in JSON )?at position \d+.*$/s, "")
    .replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, "")
    .replace(/^Unexpected token '(.+)'$/s, 'unexpected character "$1"');
  reason = reason.charAt(0).toLowerCase() + reason.slice(1);
  return position ? `invalid JSON at column ${Number(position[1]) + 1}: ${reason}` : `invalid JSON: ${reason}`;
}
