const LINE_SEPARATOR = /[\u2028\u2029]/;
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/**
 * Compact JSON for one record. U+2028/U+2029 are escaped: they are valid inside JSON strings,
 * but some line readers (e.g. Python's str.splitlines) treat them as line breaks.
 */
export function recordJson(record: unknown): string {
  const json = JSON.stringify(record);
  // Most records have neither; testing first skips replace()'s cost on the common path.
  return LINE_SEPARATOR.test(json) ? json.replace(LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`) : json;
}

/** JSON with object keys sorted at every level, so the text does not depend on insertion order. */
export function sortedKeysJson(value: unknown, indent = 2): string {
  return JSON.stringify(sortKeysDeep(value), null, indent);
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeysDeep(v)]));
  }
  return value;
}
