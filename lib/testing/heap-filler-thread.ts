import { serveThread } from "@/lib/threads/thread-pool";

// A thread for thread-pool.test.ts: answers n ≥ 0 with n; for n < 0 fills its heap until it runs out.
serveThread((n: number) => {
  const hoard: number[][] = [];
  while (n < 0) hoard.push(new Array<number>(1 << 16).fill(hoard.length));
  return n;
});
