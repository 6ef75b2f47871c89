import type { z } from "zod";
import { isAppError, describeIssues } from "./errors";
import { NUL_MESSAGE, nulPath } from "./input-limits";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

/** Parses input with zod, runs one lib call, and maps failures to a message safe for the browser. */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  call: (data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const nul = nulPath(input);
  if (nul !== null) return { ok: false, error: `${nul || "input"}: ${NUL_MESSAGE}` };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: describeIssues(parsed.error) };
  }
  try {
    return { ok: true, data: await call(parsed.data) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.message };
    console.error(e);
    return { ok: false, error: "Unexpected server error; see the server log." };
  }
}
