// Primary subtag of 2–3 letters, then subtags of 1–8 alphanumerics: rules out private-use-only tags,
// grandfathered oddities and anything with spaces or underscores.
const SANE_SHAPE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const CACHE_LIMIT = 4096;
const cache = new Map<string, string | null>();

function canonicalise(code: string): string | null {
  if (!SANE_SHAPE.test(code)) return null;
  try {
    return Intl.getCanonicalLocales(code)[0] ?? null;
  } catch {
    return null;
  }
}

/** Canonical BCP-47 tag (`ZH-cn` → `zh-CN`), or null when the code is not a valid tag. */
export function normaliseLanguage(code: string): string | null {
  const hit = cache.get(code);
  if (hit !== undefined) return hit;
  const result = canonicalise(code);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(code, result);
  return result;
}

/** A likely intended tag for an invalid code (`zh_CN` → `zh-CN`, ` en ` → `en`), if any. */
export function suggestLanguage(code: string): string | null {
  const guess = code.trim().replace(/_/g, "-");
  return guess !== code ? canonicalise(guess) : null;
}
