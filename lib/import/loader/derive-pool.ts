import { ThreadPool } from "@/lib/threads/thread-pool";
import type { DeriveInput, DeriveOutput } from "./derive";

/** Computes derived response fields for batches, in worker threads when `workers > 0`. */
export class DerivePool {
  private constructor(private readonly pool: ThreadPool<DeriveInput, DeriveOutput>) {}

  static async start(workers: number): Promise<DerivePool> {
    return new DerivePool(
      await ThreadPool.start<DeriveInput, DeriveOutput>({
        name: "deriving fields",
        module: { url: new URL("./derive-worker.ts", import.meta.url), file: "lib/import/loader/derive-worker.ts" },
        threads: workers,
        warmUp: { texts: ["warm up"], langs: ["en"], wantAnswer: [false] },
        // Loaded only when needed: the detectors' data costs ~150 MB, which a process whose threads derive should not also hold.
        local: async () => (await import("./derive")).deriveBatch,
        // Small heaps: a thread holds one batch at a time, and RSS must stay flat on big imports.
        heapMb: 160,
      }),
    );
  }

  /** Threads deriving (0 = the calling thread derives). */
  get workers(): number {
    return this.pool.threads;
  }

  /** Milliseconds spent deriving, summed over all threads (≈ CPU time: the work is CPU-bound). */
  get busyMs(): number {
    return this.pool.busyMs;
  }

  run(input: DeriveInput): Promise<DeriveOutput> {
    return this.pool.run(input);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
