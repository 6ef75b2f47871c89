import { parentPort } from "node:worker_threads";
import { deriveBatch, type DeriveInput } from "./derive";

// Runs deriveBatch off the main thread; see derive-pool.ts.
parentPort?.on("message", (message: { id: number; input: DeriveInput }) => {
  const t0 = performance.now();
  try {
    const output = deriveBatch(message.input);
    parentPort?.postMessage({ id: message.id, output, ms: performance.now() - t0 }, [output.charLengths.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
