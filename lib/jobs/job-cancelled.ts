import { AppError } from "@/lib/errors";

/**
 * The one cancellation signal of every job kind: thrown at a job's checkpoint when its cancel was
 * requested; the engine ends the job as `cancelled`. It is an AppError (BAD_INPUT) so a request that
 * ran the job in its own process (a browser import) answers with its message.
 */
export class JobCancelled extends AppError {
  constructor(message: string) {
    super("BAD_INPUT", message);
    this.name = "JobCancelled";
  }
}

export function isJobCancelled(error: unknown): error is JobCancelled {
  return error instanceof JobCancelled;
}
