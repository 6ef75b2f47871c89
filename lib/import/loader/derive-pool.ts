import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { DeriveInput, DeriveOutput } from "./derive";

type Pending = { resolve: (o: DeriveOutput) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; pending: Map<number, Pending> };
type Reply = { id: number; output?: DeriveOutput; error?: string; ms?: number };

const WORKER_SOURCE = new URL("./derive-worker.ts", import.meta.url);
/** How long a new worker may take to load the detectors and answer before the pool gives up on threads. */
const WARM_UP_MS = 30_000;

type Boot = { source: string; tsxApi: string };

// Workers load the TypeScript source through tsx. Under tsx (CLI, benchmarks, tests) both are found
// next to this module; in the bundled Next server they are found in the app's directory, where
// `npm start` runs. Where neither exists the pool derives on the calling thread.
function bootFiles(): Boot | null {
  // import.meta.resolve exists where this module runs as itself (not inside a bundle).
  if (typeof import.meta.resolve === "function" && WORKER_SOURCE.pathname.endsWith(".ts")) {
    return { source: WORKER_SOURCE.href, tsxApi: import.meta.resolve("tsx/esm/api") };
  }
  const source = join(process.cwd(), "lib/import/loader/derive-worker.ts");
  const tsxApi = join(process.cwd(), "node_modules/tsx/dist/esm/api/index.mjs");
  return existsSync(source) && existsSync(tsxApi) ? { source: pathToFileURL(source).href, tsxApi: pathToFileURL(tsxApi).href } : null;
}

function spawn(boot: Boot): Worker {
  const code = `import(${JSON.stringify(boot.tsxApi)}).then((m) => m.tsImport(${JSON.stringify(boot.source)}, ${JSON.stringify(boot.source)}))`;
  // Small heaps: the worker holds one batch at a time, and RSS must stay flat on big imports.
  return new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 8 } });
}

/** Computes derived response fields for batches, in worker threads when `workers > 0`. */
export class DerivePool {
  /** Milliseconds spent deriving, summed over all threads (≈ CPU time: the work is CPU-bound). */
  busyMs = 0;
  private slots: Slot[] = [];
  private nextId = 0;

  private constructor(readonly workers: number) {}

  static async start(workers: number): Promise<DerivePool> {
    const boot = workers > 0 ? bootFiles() : null;
    if (boot === null) return new DerivePool(0);
    const pool = new DerivePool(workers);
    let timer: NodeJS.Timeout | undefined;
    try {
      for (let i = 0; i < workers; i++) pool.slots.push(pool.open(boot));
      const warmUp = Promise.all(pool.slots.map((s) => pool.send(s, { texts: ["warm up"], langs: ["en"], wantAnswer: [false] })));
      const timeout = new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error("derive workers did not start")), WARM_UP_MS)),
      );
      await Promise.race([warmUp, timeout]);
      return pool;
    } catch {
      await pool.close();
      return new DerivePool(0);
    } finally {
      clearTimeout(timer);
    }
  }

  private open(boot: Boot): Slot {
    const slot: Slot = { worker: spawn(boot), pending: new Map() };
    slot.worker.on("message", (reply: Reply) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      this.busyMs += reply.ms ?? 0;
      if (reply.output) p.resolve(reply.output);
      else p.reject(new Error(`deriving fields failed: ${reply.error}`));
    });
    const failAll = (error: Error) => {
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
    };
    slot.worker.on("error", failAll);
    slot.worker.on("exit", (code) => failAll(new Error(`derive worker exited with code ${code}`)));
    return slot;
  }

  private send(slot: Slot, input: DeriveInput): Promise<DeriveOutput> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, input });
    });
  }

  run(input: DeriveInput): Promise<DeriveOutput> {
    if (this.slots.length === 0) return this.runHere(input);
    let best = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < best.pending.size) best = s;
    return this.send(best, input);
  }

  // Loaded only when needed: the detectors' data costs ~150 MB, which a process whose workers derive
  // should not also hold.
  private async runHere(input: DeriveInput): Promise<DeriveOutput> {
    const { deriveBatch } = await import("./derive");
    const t0 = performance.now();
    try {
      return deriveBatch(input);
    } finally {
      this.busyMs += performance.now() - t0;
    }
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
