import type { z } from "zod";

export type ErrorCode =
  | "BAD_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "RATE_LIMITED"
  | "DATABASE_LOCKED"
  | "MIGRATION_MISMATCH"
  | "INTERNAL";

/** An expected failure whose message is safe to show to the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The HTTP status a route handler answers for an AppError code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  DATABASE_LOCKED: 503,
  MIGRATION_MISMATCH: 500,
  INTERNAL: 500,
};

export function unauthenticated(message = "Sign in first."): AppError {
  return new AppError("UNAUTHENTICATED", message);
}

export function forbidden(message = "Your role does not allow this."): AppError {
  return new AppError("FORBIDDEN", message);
}

/**
 * One line naming every invalid field of a zod failure, `path: message; path: message`; issues
 * about the whole value (and unknown keys) are named by `root`.
 */
export function describeIssues(error: { issues: readonly z.core.$ZodIssue[] }, root = "input"): string {
  return error.issues
    .map((i) => {
      if (i.code === "unrecognized_keys") return `${root}: unknown field(s) ${i.keys.join(", ")}`;
      return `${i.path.map(String).join(".") || root}: ${i.message}`;
    })
    .join("; ");
}
