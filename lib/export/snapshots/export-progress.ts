import type { Database } from "@/lib/db/client";
import { z } from "zod";
import { queryMaybeOne, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { JobCancelled } from "@/lib/jobs/job-cancelled";

/** Called after each progress step has been recorded; the export waits for a returned promise. */
export type ProgressListener = (done: number, total: number) => void | Promise<void>;

/**
 * Records a running export's progress: `rows_done` and `heartbeat_at` at most every `intervalMs`,
 * reading back `cancel_requested` each time. A write that finds the row held by another process
 * stops the export (it was given up as dead and restarted elsewhere).
 */
export class ExportProgress {
  private done = 0;
  private total = 0;
  private lastWrite = 0;

  constructor(
    private readonly db: Database,
    private readonly exportId: number,
    private readonly claimedBy: string,
    private readonly intervalMs: number,
    private readonly listener?: ProgressListener,
  ) {}

  get rowsDone(): number {
    return this.done;
  }

  async begin(total: number): Promise<void> {
    this.total = total;
    await this.write();
    await this.listener?.(0, total);
  }

  /** Counts rows written; writes the row when the interval has passed. */
  async advance(rows: number): Promise<void> {
    this.done += rows;
    if (Date.now() - this.lastWrite >= this.intervalMs) await this.write();
    await this.listener?.(this.done, this.total);
  }

  private async write(): Promise<void> {
    this.lastWrite = Date.now();
    const row = await queryMaybeOne(
      this.db.pool,
      sql`UPDATE exports SET rows_done = ${this.done}, rows_total = ${this.total}, heartbeat_at = now()
          WHERE id = ${this.exportId} AND claimed_by = ${this.claimedBy} AND status = 'running' RETURNING cancel_requested`,
      z.object({ cancel_requested: z.boolean() }),
    );
    if (!row) throw new AppError("CONFLICT", `Export ${this.exportId} is no longer held by ${this.claimedBy}.`);
    if (row.cancel_requested) throw new JobCancelled(`Export ${this.exportId} was cancelled.`);
  }
}
