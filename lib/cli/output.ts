import { AppError, isAppError } from "@/lib/errors";

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export class UsageError extends Error {}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** "1 group", "3 groups". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** Human-readable progress and messages go to stderr, so stdout stays machine-readable. */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (isAppError(error) && error.code !== "INTERNAL") return EXIT.badInput;
  return EXIT.badInput;
}

export function describeError(error: unknown): string {
  if (error instanceof UsageError || error instanceof AppError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
