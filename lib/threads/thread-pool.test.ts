import { expect, it } from "vitest";
import { ThreadPool } from "./thread-pool";

it("a thread that runs out of its heap fails its batch, and the pool computes the next batches on the others", async () => {
  const pool = await ThreadPool.start<number, number>({
    name: "filling a heap",
    module: { url: new URL("../testing/heap-filler-thread.ts", import.meta.url), file: "lib/testing/heap-filler-thread.ts" },
    threads: 2,
    warmUp: 0,
    local: async () => (n) => n,
    heapMb: 32,
  });
  try {
    expect(pool.threads).toBe(2);
    await expect(pool.run(-1)).rejects.toThrow();
    expect(await Promise.all([1, 2, 3, 4].map((n) => pool.run(n)))).toEqual([1, 2, 3, 4]);
    expect(pool.peakHeap?.limitMb).toBeLessThan(64);
  } finally {
    await pool.close();
  }
}, 60_000);
