import type { GroupSelection } from "@/lib/pipeline";
import { env } from "@/lib/env";
import { cores, ThreadPool } from "@/lib/threads/thread-pool";
import type { SelectBatch } from "./select-groups";

export type SelectPool = ThreadPool<SelectBatch, GroupSelection[]>;

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
    // No heap cap: a chunk may hold up to 10,000 groups (chunkSize), which must not fail a run that one thread could finish.
  });
}
