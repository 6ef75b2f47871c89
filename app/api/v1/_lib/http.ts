import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, describeIssues, isAppError } from "@/lib/errors";

export { errorResponse } from "@/lib/error-response";
import { hasNul, ID_MESSAGE, MAX_ID, NUL_MESSAGE, nulPath } from "@/lib/input-limits";

/** Validates the query string (repeated keys: the first wins); unknown or bad parameters are a 400 naming them. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [k, v] of new URL(request.url).searchParams) {
    if (hasNul(k) || hasNul(v)) throw new AppError("BAD_INPUT", `${hasNul(k) ? "query" : k}: ${NUL_MESSAGE}`);
    if (!(k in raw)) raw[k] = v;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_INPUT", describeIssues(parsed.error, "query"));
  return parsed.data;
}

/**
 * Reads and validates a JSON body; a missing or malformed body is a 400. Only `application/json` is
 * read: a cross-site form cannot send that type without a CORS preflight (which this API never
 * grants), so a browser session's cookie cannot be ridden by another site's form.
 */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new AppError("BAD_INPUT", "body: send JSON with Content-Type: application/json");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("BAD_INPUT", "body: not valid JSON");
  }
  const nul = nulPath(body);
  if (nul !== null) throw new AppError("BAD_INPUT", `body: ${nul ? `${nul}: ` : ""}${NUL_MESSAGE}`);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError("BAD_INPUT", describeIssues(parsed.error, "body"));
  return parsed.data;
}

/** Validates a path segment such as `{id}`. */
export function parseParam<S extends z.ZodType>(name: string, value: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("BAD_INPUT", `${name}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** A record in a dataset the caller may not see answers exactly like a missing record. */
export async function sameAsMissing<T>(check: Promise<T>, message: string): Promise<T> {
  try {
    return await check;
  } catch (e) {
    throw isAppError(e) && e.code === "NOT_FOUND" ? new AppError("NOT_FOUND", message) : e;
  }
}

/** A numeric `{id}` path segment. */
export const ZPathId = z.coerce.number({ error: ID_MESSAGE }).int(ID_MESSAGE).positive(ID_MESSAGE).max(MAX_ID, ID_MESSAGE);
