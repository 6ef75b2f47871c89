import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getHeapStatistics } from "node:v8";
import { parentPort, Worker, type Transferable } from "node:worker_threads";

/** A thread module: `url` is `new URL("./x-thread.ts", import.meta.url)` in the caller, `file` the same file from the app's directory. */
export type ThreadModule = { url: URL; file: string };

export type ThreadPoolOptions<I, O> = {
  /** Names the work in errors ("deriving fields failed: …"). */
  name: string;
  module: ThreadModule;
  /** Worker threads; 0 computes on the calling thread. */
  threads: number;
  /** An input each new thread must answer before the pool counts it as started. */
  warmUp: I;
  /** The same computation for the calling thread (no threads, or they could not start). */
  local: () => Promise<(input: I) => O>;
  /** Old-generation heap of each thread (MB) when a batch's size is bounded; unset: V8's default limit. */
  heapMb?: number;
};

type Pending<O> = { resolve: (o: O) => void; reject: (e: Error) => void };
type Slot<O> = { worker: Worker; pending: Map<number, Pending<O>>; drained: (() => void) | null };
type Reply<O> = { id: number; output?: O; error?: string; ms?: number; heap?: ThreadHeap };
/** A thread's V8 heap (MB) as it answered a batch: in use (garbage included) and its limit. */
export type ThreadHeap = { usedMb: number; limitMb: number };
type Boot = { source: string; tsxApi: string };

/** How long a new thread may take to load its module and answer before the pool gives up on threads. */
const WARM_UP_MS = 30_000;

// Threads load the TypeScript source through tsx. Under tsx (CLI, worker, benchmarks, tests) both are
// found next to the caller; in the bundled Next server they are found in the app's directory, where
// `npm start` runs. Where neither exists the pool computes on the calling thread.
function bootFiles(module: ThreadModule): Boot | null {
  // import.meta.resolve exists where this module runs as itself (not inside a bundle).
  if (typeof import.meta.resolve === "function" && module.url.pathname.endsWith(".ts")) {
    return { source: module.url.href, tsxApi: import.meta.resolve("tsx/esm/api") };
  }
  const source = join(process.cwd(), module.file);
  const tsxApi = join(process.cwd(), "node_modules/tsx/dist/esm/api/index.mjs");
  return existsSync(source) && existsSync(tsxApi) ? { source: pathToFileURL(source).href, tsxApi: pathToFileURL(tsxApi).href } : null;
}

function spawn(boot: Boot, heapMb: number | undefined): Worker {
  const code = `import(${JSON.stringify(boot.tsxApi)}).then((m) => m.tsImport(${JSON.stringify(boot.source)}, ${JSON.stringify(boot.source)}))`;
  const resourceLimits = heapMb === undefined ? undefined : { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 8 };
  return new Worker(code, { eval: true, resourceLimits });
}

/** The machine's cores: the default size of a CPU-bound pool. */
export const cores = (): number => availableParallelism();

/** Runs one pure computation on batches, in worker threads when `threads > 0`; answers come back per batch, in any order. */
export class ThreadPool<I, O> {
  /** Milliseconds spent computing, summed over all threads (≈ CPU time: the work is CPU-bound). */
  busyMs = 0;
  /** The largest heap a thread reported as it answered a batch (null until one did). */
  peakHeap: ThreadHeap | null = null;
  private slots: Slot<O>[] = [];
  private nextId = 0;
  private here: ((input: I) => O) | undefined;

  private constructor(
    private readonly opts: ThreadPoolOptions<I, O>,
    /** Threads that started (0 when the pool computes on the calling thread). */
    readonly threads: number,
  ) {}

  static async start<I, O>(opts: ThreadPoolOptions<I, O>): Promise<ThreadPool<I, O>> {
    const boot = opts.threads > 0 ? bootFiles(opts.module) : null;
    if (boot === null) return new ThreadPool(opts, 0);
    const pool = new ThreadPool(opts, opts.threads);
    let timer: NodeJS.Timeout | undefined;
    try {
      for (let i = 0; i < opts.threads; i++) pool.slots.push(pool.open(boot));
      const warmUp = Promise.all(pool.slots.map((s) => pool.send(s, opts.warmUp)));
      const timeout = new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`${opts.name} threads did not start`)), WARM_UP_MS)),
      );
      await Promise.race([warmUp, timeout]);
      return pool;
    } catch {
      // A thread that never answered its warm-up has no batch to wait for.
      await pool.stop(false);
      return new ThreadPool(opts, 0);
    } finally {
      clearTimeout(timer);
    }
  }

  private open(boot: Boot): Slot<O> {
    const slot: Slot<O> = { worker: spawn(boot, this.opts.heapMb), pending: new Map(), drained: null };
    slot.worker.on("message", (reply: Reply<O>) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      this.busyMs += reply.ms ?? 0;
      if (reply.heap && (this.peakHeap === null || reply.heap.usedMb > this.peakHeap.usedMb)) this.peakHeap = reply.heap;
      if (reply.error === undefined) p.resolve(reply.output as O);
      else p.reject(new Error(`${this.opts.name} failed: ${reply.error}`));
      if (slot.pending.size === 0) slot.drained?.();
    });
    const failAll = (error: Error) => {
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
      slot.drained?.();
    };
    slot.worker.on("error", failAll);
    // A thread that died (out of its heap) takes no more batches; with none left the calling thread computes.
    slot.worker.on("exit", (code) => {
      this.slots = this.slots.filter((s) => s !== slot);
      failAll(new Error(`${this.opts.name} thread exited with code ${code}`));
    });
    return slot;
  }

  private send(slot: Slot<O>, input: I, transfer?: readonly Transferable[]): Promise<O> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, input }, transfer);
    });
  }

  /** Computes on the least busy thread; `transfer` moves buffers of the input instead of copying them. */
  run(input: I, transfer?: readonly Transferable[]): Promise<O> {
    if (this.slots.length === 0) return this.runHere(input);
    let best = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < best.pending.size) best = s;
    return this.send(best, input, transfer);
  }

  // Loaded only when needed: a process whose threads compute should not also hold the module's data.
  private async runHere(input: I): Promise<O> {
    this.here ??= await this.opts.local();
    const t0 = performance.now();
    try {
      return this.here(input);
    } finally {
      this.busyMs += performance.now() - t0;
    }
  }

  /**
   * Stops the threads once the batches sent to them are answered (later batches run on the calling
   * thread): a thread terminated inside a native call (CLD2's N-API binding) aborts the whole process.
   */
  close(): Promise<void> {
    return this.stop(true);
  }

  private async stop(drain: boolean): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    if (drain)
      await Promise.all(
        slots.map((slot) => (slot.pending.size === 0 ? undefined : new Promise<void>((resolve) => (slot.drained = resolve)))),
      );
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** The thread side: answers each batch the pool sends with `compute(input)`; `transfer` names the output's buffers to move. */
export function serveThread<I, O>(compute: (input: I) => O, transfer: (output: O) => Transferable[] = () => []): void {
  parentPort?.on("message", (message: { id: number; input: I }) => {
    const t0 = performance.now();
    try {
      const output = compute(message.input);
      const ms = performance.now() - t0;
      const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
      const heap: ThreadHeap = { usedMb: Math.round(used / 2 ** 20), limitMb: Math.round(limit / 2 ** 20) };
      parentPort?.postMessage({ id: message.id, output, ms, heap }, transfer(output));
    } catch (error) {
      parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
