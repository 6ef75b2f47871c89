import { z } from "zod";

/** The largest id Postgres stores in an `integer` column (2^31 - 1); a larger one can name nothing. */
export const MAX_ID = 2_147_483_647;
export const ID_MESSAGE = `must be a positive integer (at most ${MAX_ID})`;

/** A row id in JSON input (server actions, REST bodies). */
export const ZId = z.number({ error: ID_MESSAGE }).int(ID_MESSAGE).positive(ID_MESSAGE).max(MAX_ID, ID_MESSAGE);
/** A row id in a URL (path segment or query parameter). */
export const ZIdParam = z.coerce.number({ error: ID_MESSAGE }).int(ID_MESSAGE).positive(ID_MESSAGE).max(MAX_ID, ID_MESSAGE);
/** A version or counter stored in an `integer` column. */
export const ZCount = z.number().int().nonnegative().max(MAX_ID);

/** Postgres text cannot hold U+0000; input carrying it is refused with this message. */
export const NUL_MESSAGE = "must not contain NUL characters";

export function hasNul(text: string): boolean {
  return text.includes("\u0000");
}

/**
 * Where in parsed JSON (or any plain value) the first string with a NUL character is, as a dotted
 * path (`decision.reason`, `""` for the value itself), or null when there is none. Keys count too.
 */
export function nulPath(value: unknown, at: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return hasNul(value) ? at.join(".") : null;
  if (value === null || typeof value !== "object" || depth > 200) return null;
  for (const [key, item] of Object.entries(value)) {
    if (hasNul(key)) return [...at, key.replaceAll("\u0000", "\\0")].join(".");
    const found = nulPath(item, [...at, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** A dataset's slug: what URLs, the CLI and REST name it by. */
export const ZSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "a slug is lowercase letters, digits and dashes");

/** A BCP 47-style language code as datasets use them: `de`, `zh-TW`. */
export const ZLanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language code such as de or zh-TW");

/** A reviewer's languages: up to 64 codes; an error names the first bad code. */
export const ZLanguageCodes = z
  .array(z.string())
  .max(64, "at most 64 languages")
  .superRefine((codes, ctx) => {
    const bad = codes.find((c) => !ZLanguageCode.safeParse(c).success);
    if (bad !== undefined) ctx.addIssue({ code: "custom", message: `"${bad}" is not a language code such as de or zh-TW` });
  });
