/**
 * Bounds in-flight requests (`concurrency`) and spaces request starts so that no more than `rpm`
 * begin in any minute (one start every 60 000 / rpm ms). rpm = 0 means no budget.
 */
export class RequestLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private nextStartAt = 0;

  constructor(
    readonly concurrency: number,
    readonly rpm: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    if (!(rpm >= 0)) throw new RangeError(`rpm must be ≥ 0, got ${rpm}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      await this.waitForBudget();
      return await task();
    } finally {
      this.release();
    }
  }

  /** Each retry is a request too, so callers run every attempt through `run`. */
  get inFlight(): number {
    return this.active;
  }

  private acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  private async waitForBudget(): Promise<void> {
    if (this.rpm === 0) return;
    const interval = 60_000 / this.rpm;
    const now = this.now();
    const startAt = Math.max(now, this.nextStartAt);
    this.nextStartAt = startAt + interval;
    if (startAt > now) await new Promise((resolve) => setTimeout(resolve, startAt - now));
  }
}
