import { serveThread } from "@/lib/threads/thread-pool";
import { deriveBatch } from "./derive";

// Runs deriveBatch off the main thread; see derive-pool.ts.
serveThread(deriveBatch, (output) => [output.charLengths.buffer as ArrayBuffer]);
