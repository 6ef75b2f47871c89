import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** Thrown inside a running export when its cancel was requested; the export ends as `cancelled`. */
export class ExportCancelled extends Error {
  constructor(exportId: number) {
    super(`Export ${exportId} was cancelled.`);
    this.name = "ExportCancelled";
  }
}

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
    const { rows } = await this.db.pool.query<{ cancel_requested: boolean }>(
      `UPDATE exports SET rows_done = $2, rows_total = $3, heartbeat_at = now()
       WHERE id = $1 AND claimed_by = $4 AND status = 'running' RETURNING cancel_requested`,
      [this.exportId, this.done, this.total, this.claimedBy],
    );
    if (!rows[0]) throw new AppError("CONFLICT", `Export ${this.exportId} is no longer held by ${this.claimedBy}.`);
    if (rows[0].cancel_requested) throw new ExportCancelled(this.exportId);
  }
}
