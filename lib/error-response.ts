import { HTTP_STATUS, isAppError } from "./errors";

const NO_STORE = { "cache-control": "no-store" };

/**
 * The one answer of every route handler to a thrown error: an expected failure (an AppError whose
 * status is below 500) is `{ ...details, error: message }` with its HTTP_STATUS, a 401 also names
 * the scheme to authenticate with; anything else is logged and answered 500 without detail.
 */
export function errorResponse(e: unknown): Response {
  if (isAppError(e) && HTTP_STATUS[e.code] < 500) {
    const details = e.details && typeof e.details === "object" && !Array.isArray(e.details) ? e.details : {};
    const response = Response.json({ ...details, error: e.message }, { status: HTTP_STATUS[e.code], headers: NO_STORE });
    if (e.code === "UNAUTHENTICATED") response.headers.set("www-authenticate", 'Bearer realm="cm-align"');
    return response;
  }
  console.error(e);
  return Response.json({ error: "Unexpected server error; see the server log." }, { status: 500, headers: NO_STORE });
}
