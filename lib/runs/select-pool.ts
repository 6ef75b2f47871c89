import type { GroupSelection } from "@/lib/pipeline";
import { env } from "@/lib/env";
import { cores, ThreadPool } from "@/lib/threads/thread-pool";
import type { SelectBatch } from "./select-groups";

export type SelectPool = ThreadPool<SelectBatch, GroupSelection[]>;

/** Old-generation heap of each scoring thread (MB): `--max-old-space-size` of `npm run worker`. */
export const SELECT_THREAD_HEAP_MB = 1024;

/** Threads that score a select run in this process: `CM_SELECT_THREADS`, default one per core (0 = the calling thread). */
export function selectThreads(): number {
  return env().CM_SELECT_THREADS ?? cores();
}

/** Starts `threads` scoring threads (a run's pool lives as long as the run's call). */
export function startSelectPool(threads: number): Promise<SelectPool> {
  return ThreadPool.start<SelectBatch, GroupSelection[]>({
    name: "scoring a select chunk",
    module: { url: new URL("./select-thread.ts", import.meta.url), file: "lib/runs/select-thread.ts" },
    threads,
    warmUp: { groups: [], config: {}, humanReferences: new Map() },
    local: async () => (await import("./select-groups")).selectGroups,
    // The heap `npm run worker` gives its own thread, whatever flags started this process: a chunk the
    // calling thread could finish fits, and V8 collects long before it lets a heap grow to 4× its live
    // size, as it does under its default multi-GB limit (RSS then grew with the run's length).
    heapMb: SELECT_THREAD_HEAP_MB,
  });
}
